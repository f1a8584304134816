package dev.primer.experiments.core;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Command lines that start the primer CLI in another JVM like this one: same java, JVM options and class path. */
public final class ThisJvm {
    /** The CLI's entry point. */
    public static final String MAIN = "dev.primer.experiments.cli.Main";

    private ThisJvm() {
    }

    /** Returns the command that runs {@code primer ARGS} in a JVM like this one. */
    public static List<String> primer(List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), MAIN));
        cmd.addAll(args);
        return cmd;
    }

    /** Returns {@code command} as one bash command line, every word single-quoted. */
    public static String shell(List<String> command) {
        return command.stream().map(w -> "'" + w.replace("'", "'\\''") + "'").collect(Collectors.joining(" "));
    }
}
