package dev.primer.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
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
        Path repo = repo("/libs/a.jar:/libs/b.jar");
        Path user = Files.createDirectories(tmp.resolve("user"));
        List<String> lines = launch(repo, user, "run", "x", "--out", "res");
        assertEquals(user.toRealPath().toString(), Path.of(lines.get(0)).toRealPath().toString(),
                "java runs in the caller's directory, so --out res lands there");
        assertEquals(List.of("-Xmx64m", "-cp",
                repo.toRealPath() + "/experiments/target/classes:/libs/a.jar:/libs/b.jar",
                "dev.primer.experiments.cli.Main", "run", "x", "--out", "res"), lines.subList(1, lines.size()));
    }

    @Test
    void runsTheClusterCommandsOnTheClusterClasspathWithTheOpensSparkNeeds() throws Exception {
        Path repo = repo("/libs/a.jar");
        Files.writeString(Files.createDirectories(repo.resolve("cluster/target")).resolve("classpath.txt"),
                "/libs/spark.jar");
        List<String> lines = launch(repo, tmp, "cluster", "corpus");
        assertEquals(List.of("-Xmx64m", "@" + repo.toRealPath() + "/cluster/jvm.options", "-cp",
                repo.toRealPath() + "/cluster/target/classes:/libs/spark.jar", "dev.primer.cluster.ClusterMain",
                "cluster", "corpus"), lines.subList(1, lines.size()));
    }

    /**
     * A copy of the launcher in {@code tmp/repo} whose experiments class path is {@code classpath}, and in
     * {@code tmp/bin} stand-ins: java writes where it runs and its arguments to {@code tmp/seen.txt}, mvn fails (nothing
     * may be stale) and dpkg-query finds every package.
     */
    private Path repo(String classpath) throws IOException {
        Path repo = Files.createDirectories(tmp.resolve("repo"));
        Files.copy(Path.of("..", "primer"), repo.resolve("primer"));
        Path stamp = Files.createDirectories(repo.resolve("experiments/target")).resolve("classpath.txt");
        Files.writeString(stamp, classpath);
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        script(bin.resolve("java"), "{ pwd; for a in \"$@\"; do echo \"$a\"; done; } > '" + tmp.resolve("seen.txt")
                + "'");
        script(bin.resolve("mvn"), "echo 'mvn must not run: nothing is stale' >&2; exit 1");
        script(bin.resolve("dpkg-query"), "echo 'install ok installed'");
        return repo;
    }

    /** Runs the launcher in {@code repo} from {@code dir} with {@code args}; returns what the stand-in java saw. */
    private List<String> launch(Path repo, Path dir, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("bash", repo.resolve("primer").toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().put("PATH", tmp.resolve("bin") + ":" + System.getenv("PATH"));
        pb.environment().put("PRIMER_JAVA_OPTS", "-Xmx64m");
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), output);
        return Files.readAllLines(tmp.resolve("seen.txt"));
    }

    private static void script(Path file, String body) throws IOException {
        Files.writeString(file, "#!/usr/bin/env bash\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
