package dev.primer.experiments.cli;

import dev.primer.experiments.core.Experiment;
import dev.primer.experiments.core.Registry;
import dev.primer.experiments.core.Report;
import dev.primer.experiments.core.RunRecord;
import dev.primer.experiments.core.Runner;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code primer tour}: every experiment at the chosen budget, then the report. */
@Command(name = "tour", mixinStandardHelpOptions = true,
        description = "Run every registered experiment (quick budget by default), then build the report.")
final class TourCommand implements Callable<Integer> {
    @Mixin
    RunOptionsMixin options;

    @Override
    public Integer call() throws Exception {
        List<String> failed = new ArrayList<>();
        for (Experiment<?> e : Registry.all()) {
            System.out.println("== " + e.name() + ": " + e.description());
            try {
                RunRecord r = Runner.run(e, options.budget, options.seed, options.out);
                System.out.printf("   %s (%.1f s)%n", r.headline(), r.wallSeconds());
            } catch (Exception ex) {
                failed.add(e.name());
                System.err.println("   FAILED: " + ex);
            }
        }
        System.out.println("wrote " + Report.write(options.out));
        if (!failed.isEmpty()) {
            System.err.println("failed: " + failed);
            return 1;
        }
        return 0;
    }
}
