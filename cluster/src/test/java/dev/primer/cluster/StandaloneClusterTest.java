package dev.primer.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primer.experiments.match.Corpus;
import dev.primer.experiments.match.CorpusConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A standalone Spark cluster on 127.0.0.1 (a master and one worker, child processes of the test, stopped by it):
 * a corpus job submitted to it completes with every game exactly once although its executor is killed mid-job.
 */
class StandaloneClusterTest {
    private final List<Process> started = new ArrayList<>();

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aCorpusJobCompletesWithEachGameOnceAfterItsExecutorIsKilled(@TempDir Path dir) throws Exception {
        int port = freePort();
        try {
            Path sparkHome = Files.createDirectories(dir.resolve("spark-home/jars"));
            start(dir, "master", "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port",
                    Integer.toString(port), "--webui-port", Integer.toString(freePort()));
            awaitPort(port);
            Process worker = start(dir, "worker", "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1",
                    "--cores", "2", "--memory", "1g", "--webui-port", Integer.toString(freePort()), "--work-dir",
                    dir.resolve("work").toString(), "spark://127.0.0.1:" + port);
            Path out = dir.resolve("corpus");
            CorpusConfig config = CorpusConfig.of(CorpusJobTest.GNUGO, out).withSize(7).withGames(10);
            StringWriter log = new StringWriter();
            System.setProperty("spark.driver.host", "127.0.0.1");
            System.setProperty("spark.executor.memory", "768m");
            CompletableFuture<Corpus.Summary> job = CompletableFuture.supplyAsync(() -> {
                try (JavaSparkContext sc = SparkJobs.open("spark://127.0.0.1:" + port, "test")) {
                    return CorpusJob.run(sc, CorpusJob.Plan.of(config, 2), new PrintWriter(log, true));
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            awaitGame(out, job);
            ProcessHandle executor = executorOf(worker).orElseThrow(() -> new AssertionError("no executor running"));
            executor.destroyForcibly();
            Corpus.Summary s = job.get();
            assertEquals(10, s.kept() + s.duplicates(), s + "\n" + log);
            CorpusJobTest.assertEachGameOnce(out, 10, 7);
            assertTrue(CorpusJobTest.awaitLine(log, "failed on executor"), "the lost tasks are reported: " + log);
        } finally {
            System.clearProperty("spark.driver.host");
            System.clearProperty("spark.executor.memory");
            for (Process p : started) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    /** Starts a Spark daemon on the test's class path, with a Spark home whose jars/ is empty: that path is enough. */
    private Process start(Path dir, String name, String main, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "@" + Path.of("jvm.options").toAbsolutePath(), "-cp",
                System.getProperty("java.class.path"), main));
        cmd.addAll(List.of(args));
        ProcessBuilder b = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".log").toFile());
        b.environment().put("SPARK_HOME", dir.resolve("spark-home").toString());
        b.environment().put("SPARK_SCALA_VERSION", "2.12");
        Process p = b.start();
        started.add(p);
        return p;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void awaitPort(int port) throws InterruptedException {
        while (true) {
            try (Socket s = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException e) {
                Thread.sleep(200);
            }
        }
    }

    /** Waits until the job has saved a game (it is mid-job) or has ended. */
    private static void awaitGame(Path out, CompletableFuture<?> job) throws IOException, InterruptedException {
        while (!job.isDone()) {
            if (Files.isDirectory(out)) {
                try (Stream<Path> s = Files.list(out)) {
                    if (s.anyMatch(p -> p.getFileName().toString().endsWith(".sgf"))) {
                        return;
                    }
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the job ended before a game was saved: " + job);
    }

    /** Returns the worker's executor: the one JVM it starts as a child. */
    private static Optional<ProcessHandle> executorOf(Process worker) {
        return worker.children().filter(h -> h.info().command().orElse("").endsWith("java")).findFirst();
    }
}
