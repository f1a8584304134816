package dev.primer.experiments.cli;

import dev.primer.experiments.core.Report;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code primer report}: HTML page of every result. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Build OUT/index.html listing every result with its plots and key metrics.")
final class ReportCommand implements Callable<Integer> {
    @Option(names = "--out", defaultValue = "results", description = "results directory (default: ${DEFAULT-VALUE})")
    Path out;

    @Override
    public Integer call() throws Exception {
        System.out.println("wrote " + Report.write(out));
        return 0;
    }
}
