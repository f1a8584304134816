package dev.primer.experiments.cli;

import dev.primer.experiments.core.Budget;
import dev.primer.experiments.core.Experiment;
import dev.primer.experiments.core.Registry;
import dev.primer.experiments.core.Report;
import dev.primer.experiments.core.ThisJvm;
import dev.primer.experiments.core.Tour;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code primer tour}: every experiment at the chosen budget, side by side in child JVMs, then the report. */
@Command(name = "tour", mixinStandardHelpOptions = true,
        description = {"Run every registered experiment (quick budget by default) side by side, each in its own JVM "
                + "(`primer run NAME`, console in OUT/NAME/run.log), then build the report.",
                "A failed experiment is marked in the report and makes the exit status 1; the others go on. "
                        + "At --budget full, experiments already finished at that budget and seed are kept."})
final class TourCommand extends CliCommand {
    @Mixin
    RunOptionsMixin options;

    @Option(names = "--jobs", description = "experiments at a time (default: the machine's cores, ${DEFAULT-VALUE})")
    int jobs = Runtime.getRuntime().availableProcessors();

    @Option(names = "--threads", defaultValue = "1",
            description = "math threads per experiment (OMP_NUM_THREADS; default: ${DEFAULT-VALUE})")
    int threads;

    @Parameters(paramLabel = "NAME", arity = "0..*", description = "experiments to run (default: every registered one)")
    List<String> only = List.of();

    @Override
    public Integer call() throws Exception {
        if (jobs < 1 || threads < 1) {
            throw badInput("--jobs and --threads must be at least 1, got " + jobs + " and " + threads);
        }
        Path out = options.out.toAbsolutePath();
        List<String> names = (only.isEmpty() ? Registry.all() : only.stream().<Experiment<?>>map(this::experiment)
                .toList()).stream().map(Experiment::name).toList();
        String t = Integer.toString(threads);
        Tour.Plan plan = new Tour.Plan(out, options.budget, options.seed, jobs, options.budget == Budget.FULL,
                name -> childCommand(name, out), Map.of("OMP_NUM_THREADS", t, "OPENBLAS_NUM_THREADS", t),
                System.console() != null);
        System.out.printf(Locale.ROOT, "tour: %d experiment(s), %d at a time, %d math thread(s) each, into %s%n",
                names.size(), jobs, threads, out);
        List<Tour.Result> results = Tour.run(names, plan, System.out);
        System.out.println("wrote " + Report.write(options.out));
        List<String> failed = results.stream().filter(r -> r.status() == Tour.Status.FAILED).map(Tour.Result::name)
                .toList();
        if (!failed.isEmpty()) {
            System.err.println("failed: " + failed + " (each has OUT/NAME/" + Tour.FAILURE + " and " + Tour.LOG + ")");
            return 1;
        }
        return 0;
    }

    /** {@code primer run NAME} in a JVM like this one: same java, JVM options and classpath. */
    private List<String> childCommand(String name, Path out) {
        return ThisJvm.primer(List.of("run", name, "--budget", options.budget.name().toLowerCase(Locale.ROOT),
                "--seed", Long.toString(options.seed), "--out", out.toString()));
    }
}
