package dev.primer.experiments.cli;

import dev.primer.experiments.core.Experiment;
import dev.primer.experiments.core.Registry;
import java.util.concurrent.Callable;
import picocli.CommandLine;

/** A command that does its work and returns an exit status; bad input is reported through picocli (status 2). */
public abstract class CliCommand implements Callable<Integer> {
    @CommandLine.Spec
    protected CommandLine.Model.CommandSpec spec;

    /** Bad input named by {@code message}: picocli prints it with the usage and exits with status 2. */
    protected CommandLine.ParameterException badInput(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }

    /** The registered experiment called {@code name}, or bad input naming it. */
    Experiment<?> experiment(String name) {
        return Registry.find(name).orElseThrow(() -> badInput("unknown experiment '" + name
                + "'; `primer list` shows the registered ones"));
    }
}
