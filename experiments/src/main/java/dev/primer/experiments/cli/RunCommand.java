package dev.primer.experiments.cli;

import dev.primer.experiments.core.Experiment;
import dev.primer.experiments.core.RunRecord;
import dev.primer.experiments.core.Runner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code primer run NAME}: one experiment into {@code OUT/NAME/}. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run one experiment; writes OUT/NAME/result.json and its plots.")
final class RunCommand extends CliCommand {
    @Parameters(paramLabel = "NAME", description = "experiment name (see `primer list`)")
    String name;

    @Mixin
    RunOptionsMixin options;

    @Override
    public Integer call() throws Exception {
        Experiment<?> e = experiment(name);
        RunRecord r = Runner.run(e, options.budget, options.seed, options.out);
        System.out.printf("%s: %s (%.1f s)%n", r.name(), r.headline(), r.wallSeconds());
        System.out.println("wrote " + options.out.resolve(r.name()).resolve(RunRecord.FILE));
        return 0;
    }
}
