package dev.primer.atari.pixel;

import dev.primer.atari.core.DiscreteEnvironment;
import dev.primer.atari.core.EpisodeGuard;
import dev.primer.atari.core.Frame;
import dev.primer.atari.core.Info;
import dev.primer.atari.core.Pixels;
import dev.primer.atari.core.Reset;
import dev.primer.atari.core.Snapshot;
import dev.primer.atari.core.Step;
import dev.primer.atari.spaces.Box;
import dev.primer.atari.spaces.Discrete;
import dev.primer.atari.spaces.Space;
import dev.primer.random.SplitMix64;
import java.util.List;

/**
 * A Pong at the Atari 2600's native 210 x 160 RGB resolution with ALE Pong's layout and colours: the agent is the
 * green paddle on the right, a scripted orange opponent on the left. One step is one frame; +1 when the opponent
 * misses, -1 when the agent does; terminated when either side reaches {@link #WINNING_SCORE}. As in ALE Pong the
 * joystick's RIGHT moves the paddle up and LEFT moves it down. Not an emulation of the cartridge: ball and
 * opponent follow the simple rules documented on the constants; the opponent's aim is redrawn whenever the ball
 * heads its way, so its returns vary and rallies end.
 */
public final class Pong implements DiscreteEnvironment<byte[]> {

    /** Atari screen size. */
    public static final int HEIGHT = 210, WIDTH = 160;
    /** First row below the top wall and first row of the bottom wall (the field is rows 34..193). */
    public static final int FIELD_TOP = 34, FIELD_BOTTOM = 194;
    /** Top wall rows 24..33. */
    public static final int TOP_WALL = 24;
    /** Paddle size and columns: opponent at x 16..19, agent at x 140..143. */
    public static final int PADDLE_HEIGHT = 16, PADDLE_WIDTH = 4, OPPONENT_X = 16, PLAYER_X = 140;
    /** Ball size. */
    public static final int BALL_WIDTH = 2, BALL_HEIGHT = 4;
    /** Horizontal ball speed at the serve (pixels per frame), its cap, and the largest vertical speed. */
    public static final int BALL_SPEED_X = 2, MAX_BALL_SPEED_X = 4, MAX_BALL_SPEED_Y = 3;
    /** The ball gains one pixel per frame of horizontal speed every this many paddle hits of a rally. */
    public static final int HITS_PER_SPEEDUP = 4;
    /** Paddle speeds: the agent moves 4 pixels per frame, the opponent at most 2, so steep shots beat it. */
    public static final int PLAYER_SPEED = 4, OPPONENT_SPEED = 2;
    /** Pixels of paddle offset per unit of vertical ball speed after a hit. */
    public static final int DEFLECTION = 3;
    /** The opponent aims this many pixels at most off the ball's centre (redrawn each time it must return). */
    public static final int OPPONENT_AIM = 7;
    /** Frames the ball stays off screen before each serve. */
    public static final int SERVE_DELAY = 32;
    /** A game is played to 21 points. */
    public static final int WINNING_SCORE = 21;
    /** ALE Pong palette (0xRRGGBB). */
    public static final int BACKGROUND = 0x904811, WALL = 0xECECEC, PLAYER_COLOUR = 0x5CBA5C,
            OPPONENT_COLOUR = 0xD5824A, BALL_COLOUR = 0xECECEC;
    /** ALE's minimal action set for Pong. */
    public static final List<AleAction> MINIMAL_ACTIONS = List.of(AleAction.NOOP, AleAction.FIRE, AleAction.RIGHT,
            AleAction.LEFT, AleAction.RIGHTFIRE, AleAction.LEFTFIRE);

    private static final int FRAME_BYTES = HEIGHT * WIDTH * 3;
    private static final int SCORE_Y = 2, OPPONENT_SCORE_X = 20, PLAYER_SCORE_X = 100, DIGIT_SCALE = 4;
    private static final String[] DIGITS = {
        "111101101101111", "010110010010111", "111001111100111", "111001111001111", "101101111001001",
        "111100111001111", "111100111101111", "111001001001001", "111101111101111", "111101111001111"};
    private static final byte[] BACKGROUND_FRAME = backgroundFrame();

    private final SplitMix64 rng = SplitMix64.seeded(0);
    private final AleAction[] actions;
    private final Discrete actionSpace;
    private final Box<byte[]> observationSpace = Box.uint8(0, 255, HEIGHT, WIDTH, 3);
    private final byte[] screen = new byte[FRAME_BYTES];
    private final Step<byte[]> step = new Step<>();
    private final EpisodeGuard guard = new EpisodeGuard("pong");
    private final State s = new State();

    /** Pong with ALE's minimal action set (6 actions). */
    public Pong() {
        this(true);
    }

    /** Pong with the minimal (6) or full (18) action set. */
    public Pong(boolean minimalActions) {
        this.actions = minimalActions ? MINIMAL_ACTIONS.toArray(AleAction[]::new) : AleAction.values();
        this.actionSpace = new Discrete(actions.length);
    }

    /** The joystick action behind action index {@code a}. */
    public AleAction action(int a) {
        return actions[a];
    }

    @Override
    public Reset<byte[]> reset(long seed) {
        rng.reseed(seed);
        return reset();
    }

    @Override
    public Reset<byte[]> reset() {
        s.playerY = s.opponentY = (FIELD_TOP + FIELD_BOTTOM - PADDLE_HEIGHT) / 2;
        s.playerScore = s.opponentScore = 0;
        s.serveTimer = SERVE_DELAY;
        s.serveRight = rng.nextBoolean();
        s.frame = 0;
        guard.started();
        draw();
        return new Reset<>(screen, Info.START);
    }

    @Override
    public Step<byte[]> step(int a) {
        guard.checkStep();
        guard.checkAction(a, actions.length);
        AleAction action = actions[a];
        if (action.right()) {
            s.playerY = Math.max(FIELD_TOP, s.playerY - PLAYER_SPEED);
        } else if (action.left()) {
            s.playerY = Math.min(FIELD_BOTTOM - PADDLE_HEIGHT, s.playerY + PLAYER_SPEED);
        }
        moveOpponent();
        int reward = s.serveTimer > 0 ? serveCountdown() : moveBall();
        s.frame++;
        boolean terminated = s.playerScore == WINNING_SCORE || s.opponentScore == WINNING_SCORE;
        draw();
        guard.stepped(terminated);
        return step.set(screen, reward, terminated, false, Info.NO_LIVES, s.frame);
    }

    private int serveCountdown() {
        if (--s.serveTimer == 0) {
            s.ballX = (WIDTH - BALL_WIDTH) / 2;
            s.ballY = FIELD_TOP + PADDLE_HEIGHT + rng.nextInt(FIELD_BOTTOM - FIELD_TOP - 2 * PADDLE_HEIGHT);
            s.ballVx = s.serveRight ? BALL_SPEED_X : -BALL_SPEED_X;
            int vy = 1 + rng.nextInt(MAX_BALL_SPEED_Y - 1);
            s.ballVy = rng.nextBoolean() ? vy : -vy;
            s.opponentAim = rng.nextInt(-OPPONENT_AIM, OPPONENT_AIM + 1);
            s.rallyHits = 0;
        }
        return 0;
    }

    /** The opponent chases its aim point on the ball once it approaches in its half, else drifts to the middle. */
    private void moveOpponent() {
        boolean chase = s.serveTimer == 0 && s.ballVx < 0 && s.ballX < WIDTH / 2;
        int target = chase ? s.ballY + BALL_HEIGHT / 2 + s.opponentAim : (FIELD_TOP + FIELD_BOTTOM) / 2;
        int centre = s.opponentY + PADDLE_HEIGHT / 2;
        int move = Math.max(-OPPONENT_SPEED, Math.min(OPPONENT_SPEED, target - centre));
        s.opponentY = Math.max(FIELD_TOP, Math.min(FIELD_BOTTOM - PADDLE_HEIGHT, s.opponentY + move));
    }

    private int moveBall() {
        s.ballX += s.ballVx;
        s.ballY += s.ballVy;
        if (s.ballY < FIELD_TOP) {
            s.ballY = 2 * FIELD_TOP - s.ballY;
            s.ballVy = -s.ballVy;
        } else if (s.ballY + BALL_HEIGHT > FIELD_BOTTOM) {
            s.ballY = 2 * (FIELD_BOTTOM - BALL_HEIGHT) - s.ballY;
            s.ballVy = -s.ballVy;
        }
        if (s.ballVx > 0 && hits(PLAYER_X, s.playerY)) {
            s.ballX = PLAYER_X - BALL_WIDTH;
            deflect(s.playerY);
            s.opponentAim = rng.nextInt(-OPPONENT_AIM, OPPONENT_AIM + 1);
        } else if (s.ballVx < 0 && hits(OPPONENT_X, s.opponentY)) {
            s.ballX = OPPONENT_X + PADDLE_WIDTH;
            deflect(s.opponentY);
        }
        if (s.ballX >= WIDTH) {
            s.opponentScore++;
            return point(false);
        }
        if (s.ballX + BALL_WIDTH <= 0) {
            s.playerScore++;
            return point(true);
        }
        return 0;
    }

    private boolean hits(int paddleX, int paddleY) {
        return s.ballX + BALL_WIDTH > paddleX && s.ballX < paddleX + PADDLE_WIDTH
                && s.ballY + BALL_HEIGHT > paddleY && s.ballY < paddleY + PADDLE_HEIGHT;
    }

    /** The ball leaves at a vertical speed proportional to where it met the paddle, faster as the rally goes on. */
    private void deflect(int paddleY) {
        int offset = (s.ballY + BALL_HEIGHT / 2) - (paddleY + PADDLE_HEIGHT / 2);
        s.rallyHits++;
        int speed = Math.min(MAX_BALL_SPEED_X, BALL_SPEED_X + s.rallyHits / HITS_PER_SPEEDUP);
        s.ballVx = s.ballVx > 0 ? -speed : speed;
        s.ballVy = Math.max(-MAX_BALL_SPEED_Y, Math.min(MAX_BALL_SPEED_Y, offset / DEFLECTION));
    }

    /** Ends the rally; the side that lost the point receives the next serve. */
    private int point(boolean playerScored) {
        s.serveTimer = SERVE_DELAY;
        s.serveRight = !playerScored;
        return playerScored ? 1 : -1;
    }

    private void draw() {
        System.arraycopy(BACKGROUND_FRAME, 0, screen, 0, FRAME_BYTES);
        drawNumber(s.opponentScore, OPPONENT_SCORE_X, OPPONENT_COLOUR);
        drawNumber(s.playerScore, PLAYER_SCORE_X, PLAYER_COLOUR);
        Pixels.fill(screen, WIDTH, HEIGHT, s.opponentY, OPPONENT_X, PADDLE_HEIGHT, PADDLE_WIDTH, OPPONENT_COLOUR);
        Pixels.fill(screen, WIDTH, HEIGHT, s.playerY, PLAYER_X, PADDLE_HEIGHT, PADDLE_WIDTH, PLAYER_COLOUR);
        if (s.serveTimer == 0) {
            Pixels.fill(screen, WIDTH, HEIGHT, s.ballY, s.ballX, BALL_HEIGHT, BALL_WIDTH, BALL_COLOUR);
        }
    }

    private void drawNumber(int value, int x, int colour) {
        if (value >= 10) {
            drawDigit(value / 10, x, colour);
        }
        drawDigit(value % 10, x + 4 * DIGIT_SCALE, colour);
    }

    private void drawDigit(int digit, int x0, int colour) {
        String glyph = DIGITS[digit];
        for (int row = 0; row < 5; row++) {
            for (int col = 0; col < 3; col++) {
                if (glyph.charAt(row * 3 + col) == '1') {
                    Pixels.fill(screen, WIDTH, HEIGHT, SCORE_Y + row * DIGIT_SCALE, x0 + col * DIGIT_SCALE,
                            DIGIT_SCALE, DIGIT_SCALE, colour);
                }
            }
        }
    }

    private static byte[] backgroundFrame() {
        byte[] rgb = new byte[FRAME_BYTES];
        Pixels.fill(rgb, WIDTH, HEIGHT, 0, 0, HEIGHT, WIDTH, BACKGROUND);
        Pixels.fill(rgb, WIDTH, HEIGHT, TOP_WALL, 0, FIELD_TOP - TOP_WALL, WIDTH, WALL);
        Pixels.fill(rgb, WIDTH, HEIGHT, FIELD_BOTTOM, 0, HEIGHT - FIELD_BOTTOM, WIDTH, WALL);
        return rgb;
    }

    /** The agent's score. */
    public int playerScore() {
        return s.playerScore;
    }

    /** The opponent's score. */
    public int opponentScore() {
        return s.opponentScore;
    }

    @Override
    public Discrete actionSpace() {
        return actionSpace;
    }

    @Override
    public Space<byte[]> observationSpace() {
        return observationSpace;
    }

    @Override
    public Frame render() {
        return new Frame(HEIGHT, WIDTH, screen.clone());
    }

    @Override
    public Snapshot cloneState() {
        return new PongSnapshot(s.copy(), rng.state(), guard.phase(), this);
    }

    @Override
    public void restoreState(Snapshot snapshot) {
        if (!(snapshot instanceof PongSnapshot p) || p.owner() != this) {
            throw new IllegalArgumentException("pong: snapshot was not made by this environment's cloneState()");
        }
        s.copyFrom(p.state());
        rng.setState(p.rngState());
        guard.setPhase(p.phase());
        draw();
    }

    private record PongSnapshot(State state, long rngState, EpisodeGuard.Phase phase, Object owner)
            implements Snapshot {
    }

    /** Every mutable game variable, so snapshots copy one object. */
    private static final class State {
        int playerY, opponentY, ballX, ballY, ballVx, ballVy, playerScore, opponentScore, serveTimer, opponentAim,
                rallyHits;
        boolean serveRight;
        long frame;

        State copy() {
            State c = new State();
            c.copyFrom(this);
            return c;
        }

        void copyFrom(State o) {
            playerY = o.playerY;
            opponentY = o.opponentY;
            ballX = o.ballX;
            ballY = o.ballY;
            ballVx = o.ballVx;
            ballVy = o.ballVy;
            playerScore = o.playerScore;
            opponentScore = o.opponentScore;
            serveTimer = o.serveTimer;
            opponentAim = o.opponentAim;
            rallyHits = o.rallyHits;
            serveRight = o.serveRight;
            frame = o.frame;
        }
    }

    @Override
    public String toString() {
        return "Pong";
    }
}
