package dev.primer.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class MainTest {
    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void everyDescriptionIsAValidFormatStringSoHelpPrintsIt() {
        List<String> bad = new java.util.ArrayList<>();
        java.util.ArrayDeque<CommandLine> todo = new java.util.ArrayDeque<>(List.of(Main.commandLine()));
        while (!todo.isEmpty()) {
            CommandLine c = todo.pop();
            todo.addAll(c.getSubcommands().values());
            List<String> texts = new java.util.ArrayList<>(List.of(c.getCommandSpec().usageMessage().description()));
            c.getCommandSpec().options().forEach(o -> texts.addAll(List.of(o.description())));
            for (String t : texts) {
                try {
                    String.format(t.replaceAll("\\$\\{[^}]*}", "x"));
                } catch (java.util.IllegalFormatException e) {
                    bad.add(c.getCommandSpec().qualifiedName() + ": " + t);
                }
            }
        }
        assertTrue(bad.isEmpty(), "picocli formats these with String.format (write % as %%): " + bad);
    }

    @Test
    void badFlagPrintsUsageAndExitsWith2() {
        Run r = run("run", "memorize-random-labels", "--budget", "huge");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--budget") && r.err().contains("Usage"), r.err());
        Run unknown = run("--frobnicate");
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("Unknown option"), unknown.err());
    }

    @Test
    void aMissingStartingNetworkOrAThreadCountOfZeroIsNamedBeforeAnyWork() {
        Path missing = dir.resolve("no-such.ckpt");
        Run r = run("alphago", "train-sl", "--init", missing.toString(), "--out", dir.resolve("sl").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("cannot load --init " + missing + ": no such file"), r.err());
        Run t = run("alphago", "train-value", "--sl", "shipped", "--threads", "0", "--out", dir.resolve("v").toString());
        assertEquals(2, t.code());
        assertTrue(t.err().contains("--threads must be >= 1"), t.err());
        assertFalse(Files.exists(dir.resolve("v").resolve(dev.primer.rl.alphago.ValueTraining.GAMES_DIR)));
    }

    @Test
    void unknownExperimentIsAUsageError() {
        Run r = run("run", "no-such-experiment", "--out", dir.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("unknown experiment 'no-such-experiment'"), r.err());
    }

    @Test
    void anUnknownTaskIsOneLineOfBadInputNotAStackTrace() {
        Run r = run("rl", "dqn", "--env", "nosuch");
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("--env: unknown task 'nosuch': cartpole or minatar-<game>\n"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void aFailedRunIsOneLineWithStatus1AndTheTraceOnlyWithDebug() throws Exception {
        Path run = Files.createDirectories(dir.resolve("run"));
        Files.writeString(run.resolve("checkpoint.bin"), "not a checkpoint");
        String[] args = {"rl", "dqn", "--env", "cartpole", "--steps", "10", "--out", run.toString()};
        Run r = run(args);
        assertEquals(1, r.code());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("primer rl dqn: cannot resume from " + run.resolve("checkpoint.bin")), r.err());
        assertTrue(r.err().contains("delete it to start afresh") && r.err().contains("--debug"), r.err());
        Run debug = run(java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.stream.Stream.of(
                "--debug")).toArray(String[]::new));
        assertEquals(1, debug.code());
        assertTrue(debug.err().contains("\tat dev.primer.rl.core.Training"), debug.err());
    }

    @Test
    void helpAndVersionWorkEverywhere() {
        for (String[] args : new String[][] {{"--help"}, {"run", "--help"}, {"bench", "nn", "--help"},
                {"tour", "--help"}, {"report", "--help"}, {"list", "--help"}}) {
            Run r = run(args);
            assertEquals(0, r.code(), String.join(" ", args));
            assertTrue(r.out().contains("Usage"), r.out());
        }
        Run v = run("--version");
        assertEquals(0, v.code());
        assertTrue(v.out().startsWith("primer "), v.out());
    }

    @Test
    void reportOnAnEmptyDirectoryWritesAPage() throws Exception {
        Run r = run("report", "--out", dir.toString());
        assertEquals(0, r.code(), r.err());
        String index = Files.readString(dir.resolve("index.html"));
        assertTrue(index.contains(dev.primer.experiments.core.Registry.all().size() + " not run"), index);
    }

    @Test
    void benchNnWritesTheRequestedJson() throws Exception {
        Path json = dir.resolve("b.json");
        Run r = run("bench", "nn", "--workload", "mlp", "--warmup", "1", "--samples", "3", "--json", json.toString());
        assertEquals(0, r.code(), r.err());
        String s = Files.readString(json);
        for (String key : new String[] {"\"workload\" : \"mlp\"", "\"median_ms\"", "\"p10_ms\"", "\"p90_ms\""}) {
            assertTrue(s.contains(key), key + " missing from " + s);
        }
    }

    @Test
    void envsRandomAndBenchEnvWriteJson() throws Exception {
        Path stats = dir.resolve("r.json");
        Run r = run("envs", "random", "--game", "cartpole", "--episodes", "20", "--json", stats.toString());
        assertEquals(0, r.code(), r.err());
        String s = Files.readString(stats);
        assertTrue(s.contains("\"mean_return\"") && s.contains("\"std_length\""), s);
        Path bench = dir.resolve("b.json");
        assertEquals(0, run("bench", "env", "--game", "breakout", "--seconds", "0.2", "--json", bench.toString()).code());
        assertTrue(Files.readString(bench).contains("\"steps_per_second\""));
        Run bad = run("envs", "random", "--game", "tetris");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("unknown game 'tetris'"), bad.err());
    }

    @Test
    void benchPlayoutsTimesARolloutPolicyAndNeedsWeightsForATrainedOne(@TempDir Path dir) throws Exception {
        Path bench = dir.resolve("p.json");
        assertEquals(0, run("bench", "playouts", "--policy", "heavy", "--seconds", "0.2", "--json", bench.toString())
                .code());
        String s = Files.readString(bench);
        assertTrue(s.contains("\"micros_per_move\"") && s.contains("\"playouts_per_second\""), s);
        Run bad = run("bench", "playouts", "--policy", "trained", "--seconds", "0.2");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("--weights goes with --policy trained"), bad.err());
        Run missing = run("bench", "playouts", "--policy", "trained", "--weights", dir.resolve("none").toString());
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("none"), missing.err());
    }

    @Test
    void childJvmsStartThisCli() {
        assertEquals(Main.class.getName(), dev.primer.experiments.core.ThisJvm.MAIN);
        List<String> cmd = dev.primer.experiments.core.ThisJvm.primer(List.of("gtp", "it's"));
        assertEquals(List.of(Main.class.getName(), "gtp", "it's"), cmd.subList(cmd.size() - 3, cmd.size()));
        assertEquals("'a b' 'it'\\''s'", dev.primer.experiments.core.ThisJvm.shell(List.of("a b", "it's")));
    }

    @Test
    void theAlphaGoPlayerRefusesToStartWithoutItsNetworksAndNamesTheBadFile(@TempDir Path dir) throws Exception {
        Path corrupt = dir.resolve("value.ckpt");
        Files.writeString(corrupt, "not a checkpoint");
        Path policy = dir.resolve("policy.ckpt");
        dev.primer.nn.train.Checkpoint.write(policy, dev.primer.rl.alphago.SlPolicy.network(
                new dev.primer.rl.alphago.SlPolicy.Config(4, 0, 8, 1e-3, 0, 1, 1, 1, 0, 1), 9),
                dev.primer.nn.train.TrainState.start(1, 1));
        Run missing = run("gtp", "--player", "alphago", "--model", dir.resolve("none.ckpt").toString(),
                "--value-model", corrupt.toString());
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("--model") && missing.err().contains("none.ckpt"), missing.err());
        Run bad = run("gtp", "--player", "alphago", "--model", policy.toString(), "--value-model",
                corrupt.toString());
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("--value-model") && bad.err().contains("value.ckpt"), bad.err());
        Run noValue = run("gtp", "--model", policy.toString(), "--value-model", dir.resolve("nothing.ckpt").toString());
        assertEquals(2, noValue.code(), "the default player is alphago and needs its value network");
        assertTrue(noValue.err().contains("--value-model") && noValue.err().contains("nothing.ckpt: no such file"),
                noValue.err());
        assertEquals(2, run("gtp", "--no-value", "--value-model", corrupt.toString()).code(), "a value net unused");
        assertEquals(2, run("gtp", "--player", "alphago", "--no-priors", "--no-value").code(), "nothing left");
        assertEquals(2, run("gtp", "--player", "alphago", "--model", policy.toString(), "--no-value", "--lambda",
                "0.3").code());
        assertEquals(2, run("gtp", "--player", "mcts", "--lambda", "0.3").code(), "--lambda is the AlphaGo player's");
        assertEquals(2, run("gtp", "--symmetries").code(), "--symmetries is the policy player's");
    }

    @Test
    void policyAccuracyScoresRolloutWeightsAndTheShippedNetworkAndNamesAMissingPolicy(@TempDir Path dir) throws Exception {
        dev.primer.go.GameState g = new dev.primer.go.GameState(9, dev.primer.go.Rules.CHINESE, 7);
        for (String v : new String[] {"E5", "C3", "G7", "C7", "G3", "pass", "pass"}) {
            g.play(g.toMove(), g.coords().parseVertex(v));
        }
        Path games = Files.createDirectories(dir.resolve("games"));
        Files.writeString(games.resolve("g.sgf"), dev.primer.go.sgf.Sgf.write(
                List.of(dev.primer.go.sgf.SgfGames.record(g, "Chinese", "B+1"))));
        Path weights = dir.resolve("w.bin");
        dev.primer.rl.alphago.RolloutWeightsFile.write(weights, dev.primer.mcts.go.RolloutWeights.defaults());
        Path json = dir.resolve("a.json");
        Run r = run("go", "policy-accuracy", "--policy", weights.toString(), "--sgf", games.toString(),
                "--skip-opening", "1", "--json", json.toString());
        assertEquals(0, r.code(), r.err());
        String s = Files.readString(json);
        assertTrue(s.contains("\"positions\" : 6") && s.contains("\"top3\""), s);
        Run missing = run("go", "policy-accuracy", "--policy", dir.resolve("none").toString(), "--sgf",
                games.toString());
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("no policy file"), missing.err());
        Run shipped = run("go", "policy-accuracy", "--policy", "sl", "--sgf", games.toString(), "--skip-opening", "1");
        assertEquals(0, shipped.code(), shipped.err());
        assertTrue(shipped.out().contains("positions 6"), shipped.out());
        Run oneView = run("go", "policy-accuracy", "--policy", "sl", "--sgf", games.toString(), "--skip-opening", "1",
                "--no-symmetries");
        assertEquals(0, oneView.code(), oneView.err());
        assertTrue(oneView.out().contains("positions 6"), oneView.out());
    }

    @Test
    void gamesKeepsTheFirstNGamesOfACorpusAndRefusesZero() throws Exception {
        Path games = Files.createDirectories(dir.resolve("corpus"));
        for (int i = 0; i < 40; i++) {
            dev.primer.go.GameState g = new dev.primer.go.GameState(9, dev.primer.go.Rules.CHINESE, 7);
            g.play(g.toMove(), g.coords().point(i % 9, i / 9));
            g.play(g.toMove(), g.coords().point(8 - i % 9, 8 - i / 9));
            g.play(g.toMove(), dev.primer.go.board.Coords.PASS);
            g.play(g.toMove(), dev.primer.go.board.Coords.PASS);
            Files.writeString(games.resolve(String.format("game-%06d.sgf", i + 1)), dev.primer.go.sgf.Sgf.write(
                    List.of(dev.primer.go.sgf.SgfGames.record(g, "Chinese", "W+7"))));
        }
        java.util.function.Function<Run, Integer> trainAndTest = r -> {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("games (\\d+) train / (\\d+) test")
                    .matcher(r.out());
            assertTrue(m.find(), r.out() + r.err());
            return Integer.parseInt(m.group(1)) + Integer.parseInt(m.group(2));
        };
        String[] common = {"alphago", "train-rollout", "--corpus", games.toString(), "--skip-opening", "0",
                "--epochs", "1", "--out", dir.resolve("r").toString()};
        int all = trainAndTest.apply(run(common));
        String[] ten = java.util.Arrays.copyOf(common, common.length + 2);
        ten[common.length] = "--games";
        ten[common.length + 1] = "10";
        int first = trainAndTest.apply(run(ten));
        assertTrue(all > 30 && first <= 10 && first >= 5, all + " games, then " + first + " of the first 10");
        ten[common.length + 1] = "0";
        Run zero = run(ten);
        assertEquals(2, zero.code());
        assertTrue(zero.err().contains("--games must be at least 1"), zero.err());
    }

    @Test
    void trainRlStartsFromTheShippedSlNetwork() throws Exception {
        Path out = dir.resolve("rl");
        Run r = run("alphago", "train-rl", "--sl", "shipped", "--iterations", "1", "--games", "2", "1", "2",
                "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("RL against SL") && Files.exists(out.resolve("rl-policy.ckpt")), r.out());
    }

    @Test
    void playWithARandomAgentRecordsAGif() throws Exception {
        Path gif = dir.resolve("p.gif");
        Run r = run("play", "space_invaders", "--random", "--steps", "20", "--record", gif.toString());
        assertEquals(0, r.code(), r.err());
        byte[] head = java.util.Arrays.copyOf(Files.readAllBytes(gif), 6);
        assertEquals("GIF89a", new String(head, java.nio.charset.StandardCharsets.US_ASCII));
    }

    @Test
    void benchPlayoutsReportsARate() throws Exception {
        Path json = dir.resolve("p.json");
        Run r = run("bench", "playouts", "--size", "9", "--seconds", "0.3", "--json", json.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.readString(json).contains("\"playouts_per_second\""));
        assertEquals(2, run("bench", "playouts", "--size", "30").code());
    }
}
