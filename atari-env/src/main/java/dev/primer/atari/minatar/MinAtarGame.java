package dev.primer.atari.minatar;

import dev.primer.atari.core.DiscreteEnvironment;
import dev.primer.atari.core.EpisodeGuard;
import dev.primer.atari.core.Frame;
import dev.primer.atari.core.Info;
import dev.primer.atari.core.Reset;
import dev.primer.atari.core.Snapshot;
import dev.primer.atari.core.Step;
import dev.primer.atari.spaces.Box;
import dev.primer.atari.spaces.Discrete;
import dev.primer.atari.spaces.Space;
import dev.primer.random.SplitMix64;
import java.util.Arrays;
import java.util.List;

/**
 * Shared machinery of the MinAtar games (Young and Tian 2019): a 10 x 10 grid observed as boolean planes in
 * C x 10 x 10 layout (plane {@code c} is MinAtar's {@code state[:, :, c]}, cell (y, x) at {@code c*100 + y*10 + x}).
 *
 * <p>Subclasses port {@code act}, {@code reset} and {@code state} of {@code minatar/environments/<game>.py}.
 * Sticky actions are not here: MinAtar applies them in its {@code Environment} wrapper, and so do we
 * ({@link dev.primer.atari.wrappers.StickyActions}).
 *
 * @param <G> the concrete game, for state copies
 */
public abstract class MinAtarGame<G extends MinAtarGame<G>> implements DiscreteEnvironment<boolean[]> {

    /** Grid side length. */
    public static final int SIZE = 10;
    /** Cells per plane. */
    public static final int CELLS = SIZE * SIZE;
    /** Pixels per grid cell in {@link #render()}. */
    public static final int CELL_PIXELS = 16;

    /** The game's random stream (MinAtar's {@code self.random}). */
    protected final SplitMix64 rng = SplitMix64.seeded(0);
    /** MinAtar's {@code ramping} flag. */
    protected final boolean ramping;
    /** MinAtar's {@code self.terminal}. */
    protected boolean terminal;

    private final String name;
    private final List<String> channels;
    private final int[] actionMap;
    private final Discrete actionSpace;
    private final Box<boolean[]> observationSpace;
    private final boolean[] observation;
    /** Indices of the cells {@link #mark}ed for the current observation, cleared before the next one is written. */
    private int[] marked;
    private int markedCount;
    private final Step<boolean[]> step = new Step<>();
    private final EpisodeGuard guard;
    private long episodeFrame;

    protected MinAtarGame(String name, List<String> channels, List<MinAtarAction> minimalActions,
                          MinAtarOptions options) {
        this.name = name;
        this.channels = List.copyOf(channels);
        this.ramping = options.difficultyRamping();
        List<MinAtarAction> actions = options.minimalActions() ? minimalActions : List.of(MinAtarAction.values());
        this.actionMap = actions.stream().mapToInt(Enum::ordinal).toArray();
        this.actionSpace = new Discrete(actionMap.length);
        this.observationSpace = Box.bool(channels.size(), SIZE, SIZE);
        this.observation = new boolean[channels.size() * CELLS];
        this.marked = new int[observation.length];
        this.guard = new EpisodeGuard(name);
    }

    /** MinAtar's {@code reset()}: draws the start state from {@link #rng}. */
    protected abstract void resetGame();

    /**
     * MinAtar's {@code act(a)} while not terminal: advances one frame and returns the reward. It is called on a
     * cleared observation and may already {@link #mark} cells of the new frame; {@link #writeStepState()} follows.
     */
    protected abstract int act(MinAtarAction action);

    /**
     * MinAtar's {@code state()}: sets every active cell with {@link #mark}, {@link #copyRow}, {@link #copyPlane} or
     * {@link #put}. Marked cells are cleared before the next frame; copied rows and planes and put cells are not:
     * the game keeps them current itself (copying every frame, or changing them whenever its state changes) and
     * marks nothing there.
     */
    protected abstract void writeState();

    /**
     * Completes the observation after {@link #act}: by default {@link #writeState()}, for games whose act marks
     * nothing; a game whose act keeps every cell current with {@link #put} overrides it to do nothing.
     */
    protected void writeStepState() {
        writeState();
    }

    /** A copy of every mutable game field of {@code other} into this game (MinAtar state, not the RNG). */
    protected abstract void copyGameFrom(G other);

    /** A fresh game with the same options, used as snapshot storage. */
    protected abstract G blank();

    /** MinAtar's {@code difficulty_ramp()}: the ramp level, 0 for games without a ramp. */
    public int difficultyRamp() {
        return 0;
    }

    /** The game's name as MinAtar spells it, e.g. {@code space_invaders}. */
    public String name() {
        return name;
    }

    /** The channel names in MinAtar's order. */
    public List<String> channels() {
        return channels;
    }

    /** The MinAtar action behind action index {@code a} of this environment's action space. */
    public MinAtarAction action(int a) {
        return MinAtarAction.of(actionMap[a]);
    }

    @Override
    public final Reset<boolean[]> reset(long seed) {
        rng.reseed(seed);
        return reset();
    }

    @Override
    public final Reset<boolean[]> reset() {
        resetGame();
        episodeFrame = 0;
        guard.started();
        writeObservation();
        return new Reset<>(observation, Info.START);
    }

    @Override
    public final Step<boolean[]> step(int a) {
        guard.checkStep();
        guard.checkAction(a, actionMap.length);
        clearObservation();
        int reward = act(MinAtarAction.of(actionMap[a]));
        episodeFrame++;
        writeStepState();
        guard.stepped(terminal);
        return step.set(observation, reward, terminal, false, Info.NO_LIVES, episodeFrame);
    }

    /** Clears the observation and writes the state from scratch. */
    private void writeObservation() {
        clearObservation();
        writeState();
    }

    /** Clears the cells marked for the last observation (not the whole buffer). */
    private void clearObservation() {
        boolean[] obs = observation;
        int[] cells = marked;
        for (int i = markedCount - 1; i >= 0; i--) {
            obs[cells[i]] = false;
        }
        markedCount = 0;
    }

    /**
     * Sets cell (y, x) of plane {@code channel} in the observation being written. It stores without reading the
     * cell first (a cell marked twice is remembered twice): reading a cell that the clear has just written makes
     * the CPU replay when its memory-dependence prediction fails.
     */
    protected final void mark(int channel, int y, int x) {
        int i = channel * CELLS + y * SIZE + x;
        observation[i] = true;
        if (markedCount == marked.length) {
            marked = Arrays.copyOf(marked, 2 * marked.length);
        }
        marked[markedCount++] = i;
    }

    /**
     * Marks the trail cell on plane {@code channel} behind an entity at (y, x) that moves by {@code step} (+1 right,
     * -1 left): column x - step. A trail off the grid is dropped, or with {@code wrap} drawn at the opposite edge
     * (Freeway's cars wrap; Seaquest's movers are clipped), as the MinAtar games draw it.
     */
    protected final void markTrail(int channel, int y, int x, int step, boolean wrap) {
        int backX = x - step;
        if (backX < 0 || backX > SIZE - 1) {
            if (!wrap) {
                return;
            }
            backX = backX < 0 ? SIZE - 1 : 0;
        }
        mark(channel, y, backX);
    }

    /**
     * Sets cell (y, x) of plane {@code channel} to {@code on} without marking it, for a game that changes exactly
     * the cells its state changes; it must clear each such cell itself when its state leaves it.
     */
    protected final void put(int channel, int y, int x, boolean on) {
        observation[channel * CELLS + y * SIZE + x] = on;
    }

    /** Clears every cell of plane {@code channel}. */
    protected final void clearPlane(int channel) {
        Arrays.fill(observation, channel * CELLS, (channel + 1) * CELLS, false);
    }

    /** Overwrites row {@code y} of plane {@code channel} with {@code cells} (SIZE long). */
    protected final void copyRow(int channel, int y, boolean[] cells) {
        System.arraycopy(cells, 0, observation, channel * CELLS + y * SIZE, SIZE);
    }

    /** Overwrites plane {@code channel} with {@code cells} (CELLS long, row-major). */
    protected final void copyPlane(int channel, boolean[] cells) {
        System.arraycopy(cells, 0, observation, channel * CELLS, CELLS);
    }

    @Override
    public final Discrete actionSpace() {
        return actionSpace;
    }

    @Override
    public final Space<boolean[]> observationSpace() {
        return observationSpace;
    }

    @Override
    public final Frame render() {
        return GridRenderer.render(observation, channels.size(), CELL_PIXELS);
    }

    @Override
    public final Snapshot cloneState() {
        G copy = blank();
        copy.copyGameFrom(self());
        return new GameSnapshot<>(copy, rng.state(), terminal, episodeFrame, guard.phase(), this);
    }

    @Override
    public final void restoreState(Snapshot snapshot) {
        if (!(snapshot instanceof GameSnapshot<?> s) || s.owner() != this) {
            throw new IllegalArgumentException(name + ": snapshot was not made by this environment's cloneState()");
        }
        @SuppressWarnings("unchecked")
        G game = (G) s.game();
        copyGameFrom(game);
        rng.setState(s.rngState());
        terminal = s.terminal();
        episodeFrame = s.episodeFrame();
        guard.setPhase(s.phase());
        writeObservation();
    }

    @SuppressWarnings("unchecked")
    private G self() {
        return (G) this;
    }

    private record GameSnapshot<G>(G game, long rngState, boolean terminal, long episodeFrame,
                                   EpisodeGuard.Phase phase, Object owner) implements Snapshot {
    }

    @Override
    public String toString() {
        return "MinAtar:" + name;
    }
}
