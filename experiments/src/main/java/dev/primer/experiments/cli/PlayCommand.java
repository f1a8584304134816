package dev.primer.experiments.cli;

import dev.primer.atari.Envs;
import dev.primer.atari.core.Environment;
import dev.primer.atari.core.Step;
import dev.primer.atari.minatar.MinAtarAction;
import dev.primer.atari.pixel.Pong;
import dev.primer.atari.render.GifWriter;
import dev.primer.atari.render.Terminal;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code primer play GAME}: a person plays in the terminal (or watches a random agent), optionally recorded as a GIF. */
@Command(name = "play", mixinStandardHelpOptions = true,
        description = "Play a game in the terminal (keys shown on screen; q quits). --record saves a GIF.")
final class PlayCommand extends CliCommand {
    private static final String CLEAR = "\u001b[H\u001b[2J";

    @Parameters(paramLabel = "GAME", description = "environment id (see `primer envs`)")
    String game;

    @Option(names = "--record", paramLabel = "FILE.gif", description = "save the episode as an animated GIF")
    Path record;

    @Option(names = "--fps", defaultValue = "8", description = "frames per second (default: ${DEFAULT-VALUE})")
    int fps;

    @CommandLine.Mixin
    SeedOption seed;

    @Option(names = "--random", description = "a random agent plays instead of the keyboard")
    boolean random;

    @Option(names = "--steps", defaultValue = "0", description = "stop after this many steps; 0 for the whole episode")
    int steps;

    @Option(names = "--columns", defaultValue = "80", description = "terminal columns for the picture (default: ${DEFAULT-VALUE})")
    int columns;

    /** A key and the action index it sends. */
    record Control(char key, int action, String label) {
    }

    @Override
    public Integer call() throws Exception {
        if (!Envs.ids().contains(game) || fps < 1 || steps < 0 || columns < 8) {
            throw badInput("GAME must be one of "
                    + Envs.ids().makeString() + "; --fps >= 1, --steps >= 0, --columns >= 8");
        }
        boolean interactive = !random;
        if (interactive && System.console() == null) {
            throw badInput("play needs a terminal for the keyboard; use --random to watch a random agent");
        }
        List<Control> controls = controls(game);
        Environment<?, Integer> env = Envs.make(game);
        SplittableRandom rng = new SplittableRandom(seed.value);
        int actions = controls.isEmpty() ? 1 : controls.size();
        try (GifWriter gif = record == null ? null : new GifWriter(record, 1000 / fps);
             RawTerminal term = interactive ? RawTerminal.enter() : null) {
            env.reset(seed.value);
            double score = 0;
            int t = 0;
            int action = 0;
            while (steps == 0 || t < steps) {
                if (gif != null) {
                    gif.add(env.render());
                }
                System.out.print(CLEAR + Terminal.ansi(env.render(), columns) + status(score, t, controls));
                System.out.flush();
                if (interactive) {
                    Thread.sleep(1000L / fps);
                    int key = term.lastKey();
                    if (key == 'q') {
                        break;
                    }
                    action = actionFor(key, controls, action);
                } else {
                    action = rng.nextInt(actions);
                    Thread.sleep(record == null ? 1000L / fps : 0);
                }
                Step<?> s = env.step(action);
                score += s.reward();
                t++;
                if (s.done()) {
                    if (gif != null) {
                        gif.add(env.render());
                    }
                    break;
                }
            }
            System.out.printf(Locale.ROOT, "%n%s: score %.0f after %d steps%s%n", game, score, t,
                    record == null ? "" : ", recorded " + record);
        }
        return 0;
    }

    private static String status(double score, int t, List<Control> controls) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "score %.0f  step %d   keys:", score, t));
        for (Control c : controls) {
            sb.append(' ').append(c.key() == ' ' ? "space" : String.valueOf(c.key())).append('=').append(c.label());
        }
        return sb.append("  q=quit\n").toString();
    }

    private static int actionFor(int key, List<Control> controls, int previous) {
        if (key < 0) {
            return controls.isEmpty() ? 0 : controls.get(0).action();
        }
        for (Control c : controls) {
            if (c.key() == key) {
                return c.action();
            }
        }
        return previous;
    }

    /** The keyboard mapping of each game family. */
    static List<Control> controls(String game) {
        List<Control> list = new ArrayList<>();
        switch (game) {
            case "pong" -> {
                for (int i = 0; i < Pong.MINIMAL_ACTIONS.size(); i++) {
                    String name = Pong.MINIMAL_ACTIONS.get(i).name().toLowerCase(Locale.ROOT);
                    char key = switch (name) {
                        case "noop" -> '.';
                        case "fire" -> ' ';
                        case "right" -> 'w';
                        case "left" -> 's';
                        case "rightfire" -> 'e';
                        default -> 'x';
                    };
                    list.add(new Control(key, i, name));
                }
            }
            case "cartpole" -> {
                list.add(new Control('a', 0, "push-left"));
                list.add(new Control('d', 1, "push-right"));
            }
            default -> {
                for (MinAtarAction a : MinAtarAction.values()) {
                    list.add(new Control(a.key(), a.ordinal(), a.name().toLowerCase(Locale.ROOT)));
                }
            }
        }
        return list;
    }

    /** The controlling terminal in non-canonical, no-echo mode while playing; restored on close. */
    static final class RawTerminal implements AutoCloseable {
        private RawTerminal() {
        }

        static RawTerminal enter() throws IOException, InterruptedException {
            stty("-icanon -echo min 0");
            return new RawTerminal();
        }

        /** The last key typed since the previous call, or -1 if none. */
        int lastKey() throws IOException {
            int key = -1;
            while (System.in.available() > 0) {
                key = System.in.read();
            }
            return key;
        }

        @Override
        public void close() throws IOException, InterruptedException {
            stty("sane");
        }

        private static void stty(String args) throws IOException, InterruptedException {
            new ProcessBuilder("sh", "-c", "stty " + args + " < /dev/tty").inheritIO().start().waitFor();
        }
    }
}
