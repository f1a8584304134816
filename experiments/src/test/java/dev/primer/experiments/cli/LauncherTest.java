package dev.primer.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** The {@code primer} launcher, run from another folder against stand-ins for java, mvn and dpkg-query. */
@EnabledOnOs({OS.LINUX, OS.MAC})
class LauncherTest {
    @TempDir
    Path tmp;

    @Test
    void runsJavaWhereTheCallerStandsWithAnAbsoluteClasspath() throws Exception {
        Path repo = Files.createDirectories(tmp.resolve("repo"));
        Files.copy(Path.of("..", "primer"), repo.resolve("primer"));
        Path stamp = Files.createDirectories(repo.resolve("experiments/target")).resolve("classpath.txt");
        Files.writeString(stamp, "/libs/a.jar:/libs/b.jar");
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path seen = tmp.resolve("seen.txt");
        script(bin.resolve("java"), "{ pwd; for a in \"$@\"; do echo \"$a\"; done; } > '" + seen + "'");
        script(bin.resolve("mvn"), "echo 'mvn must not run: nothing is stale' >&2; exit 1");
        script(bin.resolve("dpkg-query"), "echo 'install ok installed'");
        Path user = Files.createDirectories(tmp.resolve("user"));

        ProcessBuilder pb = new ProcessBuilder("bash", repo.resolve("primer").toString(), "run", "x", "--out", "res")
                .directory(user.toFile()).redirectErrorStream(true);
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        pb.environment().put("PRIMER_JAVA_OPTS", "-Xmx64m");
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), output);

        List<String> lines = Files.readAllLines(seen);
        assertEquals(user.toRealPath().toString(), Path.of(lines.get(0)).toRealPath().toString(),
                "java runs in the caller's directory, so --out res lands there");
        assertEquals(List.of("-Xmx64m", "-cp",
                repo.toRealPath() + "/experiments/target/classes:/libs/a.jar:/libs/b.jar",
                "dev.primer.experiments.cli.Main", "run", "x", "--out", "res"), lines.subList(1, lines.size()));
    }

    @Test
    void runsTheClusterCommandsOnTheClusterClasspathWithTheOpensSparkNeeds() throws Exception {
        Path repo = Files.createDirectories(tmp.resolve("repo"));
        Files.copy(Path.of("..", "primer"), repo.resolve("primer"));
        Path stamp = Files.createDirectories(repo.resolve("experiments/target")).resolve("classpath.txt");
        Files.writeString(stamp, "/libs/a.jar");
        Files.writeString(Files.createDirectories(repo.resolve("cluster/target")).resolve("classpath.txt"),
                "/libs/spark.jar");
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path seen = tmp.resolve("seen.txt");
        script(bin.resolve("java"), "for a in \"$@\"; do echo \"$a\"; done > '" + seen + "'");
        script(bin.resolve("mvn"), "echo 'mvn must not run: nothing is stale' >&2; exit 1");
        script(bin.resolve("dpkg-query"), "echo 'install ok installed'");

        ProcessBuilder pb = new ProcessBuilder("bash", repo.resolve("primer").toString(), "cluster", "corpus")
                .redirectErrorStream(true);
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        pb.environment().put("PRIMER_JAVA_OPTS", "-Xmx64m");
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), output);
        assertEquals(List.of("-Xmx64m", "@" + repo.toRealPath() + "/cluster/jvm.options", "-cp",
                repo.toRealPath() + "/cluster/target/classes:/libs/spark.jar", "dev.primer.cluster.ClusterMain",
                "cluster", "corpus"), Files.readAllLines(seen));
    }

    private static void script(Path file, String body) throws IOException {
        Files.writeString(file, "#!/usr/bin/env bash\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
