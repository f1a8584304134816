package dev.primer.atari.wrappers;

import dev.primer.atari.core.Environment;
import dev.primer.atari.core.Reset;
import dev.primer.atari.core.Snapshot;
import dev.primer.atari.core.Step;
import dev.primer.atari.core.Wrapper;
import org.eclipse.collections.api.list.primitive.ImmutableDoubleList;
import org.eclipse.collections.api.list.primitive.ImmutableIntList;
import org.eclipse.collections.impl.list.mutable.primitive.DoubleArrayList;
import org.eclipse.collections.impl.list.mutable.primitive.IntArrayList;

/** Records every finished episode's undiscounted return and length (Gymnasium's RecordEpisodeStatistics). */
public final class EpisodeStatistics<O, A> extends Wrapper<O, A> {

    private final DoubleArrayList returns = new DoubleArrayList();
    private final IntArrayList lengths = new IntArrayList();
    private double episodeReturn;
    private int episodeLength;

    /** Wraps {@code env}. */
    public EpisodeStatistics(Environment<O, A> env) {
        super(env);
    }

    @Override
    public Reset<O> reset(long seed) {
        episodeReturn = 0;
        episodeLength = 0;
        return env.reset(seed);
    }

    @Override
    public Reset<O> reset() {
        episodeReturn = 0;
        episodeLength = 0;
        return env.reset();
    }

    @Override
    public Step<O> step(A action) {
        Step<O> s = env.step(action);
        episodeReturn += s.reward();
        episodeLength++;
        if (s.done()) {
            returns.add(episodeReturn);
            lengths.add(episodeLength);
        }
        return s;
    }

    /** Returns of the finished episodes, oldest first. */
    public ImmutableDoubleList returns() {
        return returns.toImmutable();
    }

    /** Lengths in steps of the finished episodes, oldest first. */
    public ImmutableIntList lengths() {
        return lengths.toImmutable();
    }

    /** The number of finished episodes. */
    public int episodes() {
        return returns.size();
    }

    /** The return accumulated so far in the current episode. */
    public double episodeReturn() {
        return episodeReturn;
    }

    /** The steps taken so far in the current episode. */
    public int episodeLength() {
        return episodeLength;
    }

    @Override
    public Snapshot cloneState() {
        return new StatsSnapshot(env.cloneState(), episodeReturn, episodeLength, this);
    }

    /** Restores the inner state and the current episode's accumulators; finished episodes stay recorded. */
    @Override
    public void restoreState(Snapshot snapshot) {
        StatsSnapshot s = Snapshots.own(snapshot, StatsSnapshot.class, this);
        env.restoreState(s.inner());
        episodeReturn = s.episodeReturn();
        episodeLength = s.episodeLength();
    }

    private record StatsSnapshot(Snapshot inner, double episodeReturn, int episodeLength, Object owner)
            implements Snapshots.Owned {
    }
}
