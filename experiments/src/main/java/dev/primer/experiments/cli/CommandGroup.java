package dev.primer.experiments.cli;

import picocli.CommandLine;

/** A command that groups subcommands: run without one, it prints its usage and exits with status 0. */
public abstract class CommandGroup implements Runnable {
    @CommandLine.Spec
    protected CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
