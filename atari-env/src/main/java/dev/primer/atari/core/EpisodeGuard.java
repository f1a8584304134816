package dev.primer.atari.core;

/** Enforces the reset/step contract and produces the error messages that say what to do. */
public final class EpisodeGuard {

    /** Where an environment is in its episode life cycle. */
    public enum Phase { NEEDS_RESET, RUNNING, ENDED }

    private final String name;
    private Phase phase = Phase.NEEDS_RESET;

    /** A guard for the environment called {@code name} (used in messages). */
    public EpisodeGuard(String name) {
        this.name = name;
    }

    /** Marks the start of an episode. */
    public void started() {
        phase = Phase.RUNNING;
    }

    /** Marks the end of an episode when {@code done}. */
    public void stepped(boolean done) {
        if (done) {
            phase = Phase.ENDED;
        }
    }

    /** The current phase. */
    public Phase phase() {
        return phase;
    }

    /** Sets the phase (used when restoring snapshots). */
    public void setPhase(Phase phase) {
        this.phase = phase;
    }

    /** Throws unless a step is allowed now. */
    public void checkStep() {
        if (phase != Phase.RUNNING) {
            throw new IllegalStateException(phase == Phase.NEEDS_RESET
                    ? name + ": step() called before reset(); call reset(seed) first"
                    : name + ": step() called after the episode ended (terminated or truncated); call reset() first");
        }
    }

    /** Throws unless {@code action} is non-null and lies in [0, n). */
    public void checkAction(Integer action, int n) {
        if (action == null) {
            throw outside("null", n);
        }
        checkAction(action.intValue(), n);
    }

    /** Throws unless {@code action} lies in [0, n) (the unboxed form, for {@link DiscreteEnvironment#step(int)}). */
    public void checkAction(int action, int n) {
        if (action < 0 || action >= n) {
            throw outside(Integer.toString(action), n);
        }
    }

    private IllegalArgumentException outside(String action, int n) {
        return new IllegalArgumentException(name + ": action " + action + " is outside Discrete(" + n
                + "); pass an integer in 0.." + (n - 1) + " (see actionSpace())");
    }
}
