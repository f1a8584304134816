package dev.primer.experiments.cli;

import dev.primer.experiments.core.Experiment;
import dev.primer.experiments.core.Registry;
import picocli.CommandLine.Command;

/** {@code primer list}: the registered experiments. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List the registered experiments.")
final class ListCommand implements Runnable {
    @Override
    public void run() {
        for (Experiment<?> e : Registry.all()) {
            System.out.printf("%-28s %s%n", e.name(), e.description());
        }
    }
}
