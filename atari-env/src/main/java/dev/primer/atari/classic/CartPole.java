package dev.primer.atari.classic;

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

/**
 * Gymnasium's CartPole-v1 ({@code gymnasium/envs/classic_control/cartpole.py}, after Barto, Sutton and Anderson
 * 1983): push a cart left (0) or right (1) to balance a pole. Reward 1 on every step, the terminating one included;
 * terminated when |theta| exceeds 12 degrees or |x| exceeds 2.4. The 500-step limit of v1 is a
 * {@link dev.primer.atari.wrappers.TimeLimit}, as in Gymnasium. State is double precision, observations float32.
 */
public final class CartPole implements DiscreteEnvironment<float[]> {

    /** Physical constants of cartpole.py. */
    public static final double GRAVITY = 9.8, MASS_CART = 1.0, MASS_POLE = 0.1, LENGTH = 0.5, FORCE_MAG = 10.0,
            TAU = 0.02;
    /** Derived constants: total mass and pole mass times half-length. */
    public static final double TOTAL_MASS = MASS_POLE + MASS_CART, POLE_MASS_LENGTH = MASS_POLE * LENGTH;
    /** Termination thresholds: 12 degrees ({@code 12 * 2 * pi / 360}) and 2.4 units. */
    public static final double THETA_THRESHOLD = 12 * 2 * Math.PI / 360, X_THRESHOLD = 2.4;
    /** Reset draws every state variable from uniform(-0.05, 0.05). */
    public static final double RESET_BOUND = 0.05;
    /** CartPole-v1's {@code max_episode_steps}. */
    public static final int MAX_EPISODE_STEPS = 500;

    private static final int SCREEN_WIDTH = 600, SCREEN_HEIGHT = 400;

    private final SplitMix64 rng = SplitMix64.seeded(0);
    private final Discrete actionSpace = new Discrete(2);
    private final Box<float[]> observationSpace = Box.float32(
            new double[] {-2 * X_THRESHOLD, -Float.MAX_VALUE, -2 * THETA_THRESHOLD, -Float.MAX_VALUE},
            new double[] {2 * X_THRESHOLD, Float.MAX_VALUE, 2 * THETA_THRESHOLD, Float.MAX_VALUE}, 4);
    private final float[] observation = new float[4];
    private final Step<float[]> step = new Step<>();
    private final EpisodeGuard guard = new EpisodeGuard("cartpole");
    private double x, xDot, theta, thetaDot;
    private long episodeFrame;

    @Override
    public Reset<float[]> reset(long seed) {
        rng.reseed(seed);
        return reset();
    }

    @Override
    public Reset<float[]> reset() {
        x = uniform();
        xDot = uniform();
        theta = uniform();
        thetaDot = uniform();
        episodeFrame = 0;
        guard.started();
        writeObservation();
        return new Reset<>(observation, Info.START);
    }

    private double uniform() {
        return rng.nextDouble(-RESET_BOUND, RESET_BOUND);
    }

    @Override
    public Step<float[]> step(int action) {
        guard.checkStep();
        guard.checkAction(action, 2);
        double force = action == 1 ? FORCE_MAG : -FORCE_MAG;
        double cos = Math.cos(theta);
        double sin = Math.sin(theta);
        // Florian (2007), "Correct equations for the dynamics of the cart-pole system", as cartpole.py
        double temp = (force + POLE_MASS_LENGTH * thetaDot * thetaDot * sin) / TOTAL_MASS;
        double thetaAcc = (GRAVITY * sin - cos * temp)
                / (LENGTH * (4.0 / 3.0 - MASS_POLE * cos * cos / TOTAL_MASS));
        double xAcc = temp - POLE_MASS_LENGTH * thetaAcc * cos / TOTAL_MASS;
        // explicit Euler (kinematics_integrator = "euler")
        x = x + TAU * xDot;
        xDot = xDot + TAU * xAcc;
        theta = theta + TAU * thetaDot;
        thetaDot = thetaDot + TAU * thetaAcc;
        episodeFrame++;
        boolean terminated = x < -X_THRESHOLD || x > X_THRESHOLD || theta < -THETA_THRESHOLD
                || theta > THETA_THRESHOLD;
        writeObservation();
        guard.stepped(terminated);
        return step.set(observation, 1.0, terminated, false, Info.NO_LIVES, episodeFrame);
    }

    private void writeObservation() {
        observation[0] = (float) x;
        observation[1] = (float) xDot;
        observation[2] = (float) theta;
        observation[3] = (float) thetaDot;
    }

    /** Sets the physical state directly (for tests and planning from a known state); starts an episode. */
    public void setState(double x, double xDot, double theta, double thetaDot) {
        this.x = x;
        this.xDot = xDot;
        this.theta = theta;
        this.thetaDot = thetaDot;
        episodeFrame = 0;
        guard.started();
        writeObservation();
    }

    @Override
    public Discrete actionSpace() {
        return actionSpace;
    }

    @Override
    public Space<float[]> observationSpace() {
        return observationSpace;
    }

    /** A 600 x 400 picture like Gymnasium's: a black cart on a track, a brown pole, an axle. */
    @Override
    public Frame render() {
        Frame frame = Frame.black(SCREEN_HEIGHT, SCREEN_WIDTH);
        frame.fill(0, 0, SCREEN_HEIGHT, SCREEN_WIDTH, 0xFFFFFF);
        double scale = SCREEN_WIDTH / (2 * X_THRESHOLD);
        int cartY = SCREEN_HEIGHT - 100;
        int cartX = (int) Math.round(x * scale + SCREEN_WIDTH / 2.0);
        frame.fill(cartY, 0, 1, SCREEN_WIDTH, 0x000000);
        frame.fill(cartY - 15, cartX - 25, 30, 50, 0x000000);
        double poleLength = scale * 2 * LENGTH;
        for (int i = 0; i <= (int) poleLength; i++) {
            int px = (int) Math.round(cartX + i * Math.sin(theta));
            int py = (int) Math.round(cartY - 15 - i * Math.cos(theta));
            frame.fill(py - 2, px - 4, 5, 9, 0xCA9865);
        }
        frame.fill(cartY - 20, cartX - 5, 10, 10, 0x8184CB);
        return frame;
    }

    @Override
    public Snapshot cloneState() {
        return new CartPoleSnapshot(x, xDot, theta, thetaDot, episodeFrame, rng.state(), guard.phase(), this);
    }

    @Override
    public void restoreState(Snapshot snapshot) {
        if (!(snapshot instanceof CartPoleSnapshot s) || s.owner() != this) {
            throw new IllegalArgumentException("cartpole: snapshot was not made by this environment's cloneState()");
        }
        x = s.x();
        xDot = s.xDot();
        theta = s.theta();
        thetaDot = s.thetaDot();
        episodeFrame = s.episodeFrame();
        rng.setState(s.rngState());
        guard.setPhase(s.phase());
        writeObservation();
    }

    private record CartPoleSnapshot(double x, double xDot, double theta, double thetaDot, long episodeFrame,
                                    long rngState, EpisodeGuard.Phase phase, Object owner) implements Snapshot {
    }

    @Override
    public String toString() {
        return "CartPole-v1";
    }
}
