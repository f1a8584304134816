package dev.primer.rl.rl4j;

import dev.primer.atari.core.Environment;
import dev.primer.atari.core.Step;
import dev.primer.atari.spaces.Discrete;
import dev.primer.rl.core.ObservationEncoder;
import dev.primer.rl.core.Training;
import java.util.function.Supplier;
import org.deeplearning4j.gym.StepReply;
import org.deeplearning4j.rl4j.mdp.MDP;
import org.deeplearning4j.rl4j.space.ArrayObservationSpace;
import org.deeplearning4j.rl4j.space.DiscreteSpace;
import org.deeplearning4j.rl4j.space.ObservationSpace;

/**
 * Our {@link Environment} seen as RL4J's {@link MDP}: flat float observations, discrete actions. Episode k
 * resets with the same seed our training loop uses ({@link Training#episodeSeed}).
 *
 * <p>RL4J's MDP has a single {@code done} flag, so it cannot tell truncation from termination: RL4J never
 * bootstraps at a time limit. An episode is also ended here after {@code maxEpisodeSteps} steps (0: never),
 * which keeps RL4J's greedy {@code play} finite.
 */
public final class EnvironmentMdp<O> implements MDP<FlatObservation, Integer, DiscreteSpace> {
    private final Supplier<? extends Environment<O, Integer>> factory;
    private final Environment<O, Integer> env;
    private final ObservationEncoder<O> encoder;
    private final DiscreteSpace actionSpace;
    private final ArrayObservationSpace<FlatObservation> observationSpace;
    private final long seed;
    private final int maxEpisodeSteps;
    private long episodes;
    private int episodeSteps;
    private boolean done = true;

    /** Adapts environments from {@code factory}; episode seeds derive from {@code seed}. */
    public EnvironmentMdp(Supplier<? extends Environment<O, Integer>> factory, long seed, int maxEpisodeSteps) {
        this.factory = factory;
        this.env = factory.get();
        this.encoder = ObservationEncoder.of(env.observationSpace());
        this.actionSpace = new DiscreteSpace(((Discrete) env.actionSpace()).n());
        this.observationSpace = new ArrayObservationSpace<>(new int[] {encoder.size()});
        this.seed = seed;
        this.maxEpisodeSteps = maxEpisodeSteps;
    }

    @Override
    public ObservationSpace<FlatObservation> getObservationSpace() {
        return observationSpace;
    }

    @Override
    public DiscreteSpace getActionSpace() {
        return actionSpace;
    }

    @Override
    public FlatObservation reset() {
        done = false;
        episodeSteps = 0;
        return encode(env.reset(Training.episodeSeed(seed, episodes++)).observation());
    }

    @Override
    public StepReply<FlatObservation> step(Integer action) {
        Step<O> s = env.step(action);
        episodeSteps++;
        done = s.done() || episodeSteps == maxEpisodeSteps;
        return new StepReply<>(encode(s.observation()), s.reward(), done, null);
    }

    @Override
    public boolean isDone() {
        return done;
    }

    @Override
    public void close() {
        env.close();
    }

    @Override
    public MDP<FlatObservation, Integer, DiscreteSpace> newInstance() {
        return new EnvironmentMdp<>(factory, seed + 1, maxEpisodeSteps);
    }

    private FlatObservation encode(O observation) {
        float[] x = new float[encoder.size()];
        encoder.encode(observation, x);
        return new FlatObservation(x);
    }
}
