package dev.primer.experiments.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tour's scheduling, with shell commands standing in for {@code primer run NAME}. */
class TourTest {
    @TempDir
    Path out;

    private final ByteArrayOutputStream console = new ByteArrayOutputStream();

    private List<Tour.Result> tour(List<String> names, int jobs, boolean keep, Function<String, String> script)
            throws Exception {
        Tour.Plan plan = new Tour.Plan(out, Budget.QUICK, 7, jobs, keep, n -> List.of("sh", "-c", script.apply(n)),
                Map.of("OMP_NUM_THREADS", "1"), false);
        return Tour.run(names, plan, new PrintStream(console, true, StandardCharsets.UTF_8));
    }

    private Path template(String budget) throws Exception {
        Path t = Files.createTempFile(out, "result", ".json");
        Files.delete(t);
        Files.createDirectories(t);
        new RunRecord("x", 7, budget, Map.of(), List.of(), "finished", 1, "sh", "now", "not judged").write(t);
        return t.resolve(RunRecord.FILE);
    }

    @Test
    void runsJobsSideBySideAndGoesOnPastAFailure() throws Exception {
        Path result = template("quick");
        // a and b each wait for the other to have started: they finish only if run at the same time.
        Function<String, String> script = n -> n.equals("bad") ? "echo boom; exit 3"
                : String.format("touch %1$s/%2$s.started; i=0; while [ ! -e %1$s/%3$s.started ]; do "
                        + "i=$((i+1)); [ $i -gt 200 ] && exit 1; sleep 0.1; done; [ \"$OMP_NUM_THREADS\" = 1 ] && "
                        + "cp %4$s %1$s/%2$s/result.json", out, n, n.equals("a") ? "b" : "a", result);
        List<Tour.Result> r = tour(List.of("a", "b", "bad"), 2, false, script);
        assertEquals(List.of("a", "b", "bad"), r.stream().map(Tour.Result::name).toList());
        assertEquals(List.of(Tour.Status.DONE, Tour.Status.DONE, Tour.Status.FAILED),
                r.stream().map(Tour.Result::status).toList(), console.toString());
        String failure = Files.readString(out.resolve("bad").resolve(Tour.FAILURE));
        assertTrue(failure.startsWith("exit status 3") && failure.contains("boom"), failure);
        assertTrue(console.toString().contains("failed bad"), console.toString());
    }

    @Test
    void keepsAResultAtTheSameBudgetAndSeedAndReplacesAnotherOnesFailure() throws Exception {
        Files.createDirectories(out.resolve("kept"));
        Files.copy(template("quick"), out.resolve("kept").resolve(RunRecord.FILE));
        Files.createDirectories(out.resolve("other"));
        Files.copy(template("full"), out.resolve("other").resolve(RunRecord.FILE));
        List<Tour.Result> r = tour(List.of("kept", "other"), 1, true, n -> "exit 1");
        assertEquals(List.of(Tour.Status.KEPT, Tour.Status.FAILED), r.stream().map(Tour.Result::status).toList());
        assertTrue(Files.exists(out.resolve("kept").resolve(RunRecord.FILE)));
        assertTrue(Files.notExists(out.resolve("other").resolve(RunRecord.FILE)), "a failed rerun leaves no stale result");
    }

    @Test
    void recordsAChildThatCannotStartAsFailed() throws Exception {
        Tour.Plan plan = new Tour.Plan(out, Budget.QUICK, 7, 2, false, n -> List.of(out.resolve("no-such-java").toString()),
                Map.of(), false);
        List<Tour.Result> r = Tour.run(List.of("x"), plan, new PrintStream(console, true, StandardCharsets.UTF_8));
        assertEquals(Tour.Status.FAILED, r.get(0).status());
        assertTrue(Files.readString(out.resolve("x").resolve(Tour.FAILURE)).contains("could not run"));
    }

    @Test
    void readsTheLastProgressBarOfALog() throws Exception {
        Path log = out.resolve(Tour.LOG);
        Files.writeString(log, "loading\ntrain  10% [=>   ] 10/100\rtrain  42% [====> ] 42/100\r");
        assertEquals(42, Tour.percent(log).orElseThrow());
        Files.writeString(log, "train 42%\ndone\n");
        assertTrue(Tour.percent(log).isEmpty());
    }
}
