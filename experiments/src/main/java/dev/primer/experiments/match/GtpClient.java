package dev.primer.experiments.match;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A GTP engine in a child process started by {@code bash -c COMMAND}; its stderr is discarded. */
public final class GtpClient implements AutoCloseable {
    /** Marks the end of the engine's output in the line queue. */
    private static final String EOF = "\u0000eof";

    private final String command;
    private final Process process;
    private final Writer in;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

    /** Starts {@code command}; throws EngineFailure(CRASH) when it cannot be started. */
    public GtpClient(String command) throws EngineFailure {
        this.command = command;
        try {
            process = new ProcessBuilder("bash", "-c", command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new EngineFailure(EngineFailure.Kind.CRASH, "cannot start '" + command + "': " + e.getMessage());
        }
        in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    lines.add(line);
                }
            } catch (IOException e) {
                // the process went away: the EOF marker below tells the caller
            }
            lines.add(EOF);
        }, "gtp-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** Returns the command line. */
    public String command() {
        return command;
    }

    /**
     * Sends {@code cmd} and returns the result of a success reply ("= result"), multi-line results joined by newlines;
     * throws EngineFailure: ERROR for "? reason", TIMEOUT after {@code seconds}, CRASH when the process ends.
     */
    public String send(String cmd, double seconds) throws EngineFailure {
        try {
            in.write(cmd + "\n");
            in.flush();
        } catch (IOException e) {
            throw new EngineFailure(EngineFailure.Kind.CRASH, "'" + command + "' closed its input");
        }
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        StringBuilder reply = new StringBuilder();
        boolean started = false;
        while (true) {
            String line;
            try {
                line = lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new EngineFailure(EngineFailure.Kind.TIMEOUT, "interrupted");
            }
            if (line == null) {
                throw new EngineFailure(EngineFailure.Kind.TIMEOUT, "no answer to '" + cmd + "' in " + seconds + " s");
            }
            if (line.equals(EOF)) {
                lines.add(EOF);
                throw new EngineFailure(EngineFailure.Kind.CRASH, "'" + command + "' exited during '" + cmd + "'");
            }
            if (!started) {
                if (line.isBlank()) {
                    continue;
                }
                started = true;
                reply.append(line);
            } else if (line.isEmpty()) {
                break;
            } else {
                reply.append('\n').append(line);
            }
        }
        String text = reply.toString();
        String body = text.replaceFirst("^[=?]\\d*\\s?", "").strip();
        if (text.startsWith("?")) {
            throw new EngineFailure(EngineFailure.Kind.ERROR, "'" + cmd + "' failed: " + body);
        }
        return body;
    }

    /** Returns true while the process runs. */
    public boolean isAlive() {
        return process.isAlive();
    }

    /** Asks the engine to quit, then ends the process. */
    @Override
    public void close() {
        try {
            if (process.isAlive()) {
                send("quit", 2);
            }
        } catch (EngineFailure e) {
            // it is going away either way
        }
        process.destroy();
        try {
            if (!process.waitFor(2, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
