package dev.primer.go.gnugo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A GNU Go 3.8 process spoken to over GTP; commands may be pipelined. */
final class GnuGo implements AutoCloseable {
    static final Path BINARY = Path.of("/usr/games/gnugo");

    private final Process process;
    private final Writer in;
    private final BufferedReader out;

    /** Starts {@code gnugo --mode gtp} with extra arguments; fails with a clear message when GNU Go is missing. */
    GnuGo(String... extraArgs) {
        if (!Files.isExecutable(BINARY)) {
            throw new AssertionError("GNU Go not found at " + BINARY
                    + ": the differential tests need GNU Go 3.8 (Debian/Ubuntu: apt-get install gnugo)");
        }
        List<String> cmd = new ArrayList<>(List.of(BINARY.toString(), "--mode", "gtp"));
        cmd.addAll(List.of(extraArgs));
        try {
            process = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + BINARY, e);
        }
        in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.US_ASCII);
        out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII));
    }

    /** Sends one command; returns the success reply's text; throws AssertionError on a '?' reply. */
    String send(String command) {
        return sendAll(List.of(command)).get(0);
    }

    /** Sends all commands at once, then returns their success replies in order; throws on any '?' reply. */
    List<String> sendAll(List<String> commands) {
        try {
            for (String c : commands) {
                in.write(c);
                in.write('\n');
            }
            in.flush();
            List<String> replies = new ArrayList<>(commands.size());
            for (String c : commands) {
                String reply = readReply();
                if (reply.startsWith("?")) {
                    throw new AssertionError("GNU Go refused '" + c + "': " + reply);
                }
                replies.add(reply.substring(1).strip());
            }
            return replies;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String readReply() throws IOException {
        StringBuilder sb = new StringBuilder();
        String line;
        while ((line = out.readLine()) != null) {
            if (line.isEmpty()) {
                if (sb.length() > 0) {
                    return sb.toString();
                }
                continue;
            }
            if (sb.length() > 0) {
                sb.append('\n');
            }
            sb.append(line);
        }
        throw new IOException("GNU Go closed its output");
    }

    @Override
    public void close() {
        try {
            in.write("quit\n");
            in.flush();
        } catch (IOException ignored) {
            // the process is going away either way
        }
        process.destroy();
    }
}
