package dev.primer.atari.minatar;

import java.util.Arrays;
import java.util.List;

/**
 * MinAtar Breakout ({@code minatar/environments/breakout.py}): bounce a diagonal ball off a paddle to break three
 * rows of bricks, +1 per brick, a fresh wall when cleared, terminal when the ball reaches the bottom row unhit.
 */
public final class Breakout extends MinAtarGame<Breakout> {

    /** Channel indices in MinAtar's order. */
    public static final int PADDLE = 0, BALL = 1, TRAIL = 2, BRICK = 3;
    private static final List<String> CHANNELS = List.of("paddle", "ball", "trail", "brick");
    private static final List<MinAtarAction> MINIMAL = List.of(MinAtarAction.NOOP, MinAtarAction.LEFT,
            MinAtarAction.RIGHT);

    /** Ball directions, MinAtar's {@code ball_dir} 0..3: up-left, up-right, down-right, down-left. */
    static final int UP_LEFT = 0, UP_RIGHT = 1, DOWN_RIGHT = 2, DOWN_LEFT = 3;
    private static final int[] DX = {-1, 1, 1, -1};
    private static final int[] DY = {-1, -1, 1, 1};
    /** {@code [1,0,3,2][dir]}: reflection off a side wall. */
    private static final int[] FLIP_X = {UP_RIGHT, UP_LEFT, DOWN_LEFT, DOWN_RIGHT};
    /** {@code [3,2,1,0][dir]}: reflection off the ceiling, a brick, or the paddle hit square-on. */
    private static final int[] FLIP_Y = {DOWN_LEFT, DOWN_RIGHT, UP_RIGHT, UP_LEFT};
    /** {@code [2,3,0,1][dir]}: the paddle's corner sends the ball back the way it came. */
    private static final int[] REVERSE = {DOWN_RIGHT, DOWN_LEFT, UP_LEFT, UP_RIGHT};
    private static final int BOTTOM = SIZE - 1;
    private static final int BRICK_FIRST_ROW = 1, BRICK_ROWS = 3;
    private static final int BALL_START_Y = 3;
    private static final int PADDLE_START = 4;

    int ballX, ballY, ballDir, pos, lastX, lastY;
    boolean strike;
    final boolean[] bricks = new boolean[CELLS];
    int brickCount;

    /** Breakout with MinAtar's defaults. */
    public Breakout() {
        this(MinAtarOptions.DEFAULT);
    }

    /** Breakout with the given options (it has no difficulty ramp). */
    public Breakout(MinAtarOptions options) {
        super("breakout", CHANNELS, MINIMAL, options);
    }

    @Override
    protected void resetGame() {
        ballY = BALL_START_Y;
        if (rng.nextInt(2) == 0) {   // ball_start = random.choice(2); [(0,2),(9,3)][ball_start]
            ballX = 0;
            ballDir = DOWN_RIGHT;
        } else {
            ballX = SIZE - 1;
            ballDir = DOWN_LEFT;
        }
        pos = PADDLE_START;
        Arrays.fill(bricks, false);
        fillBricks();
        strike = false;
        lastX = ballX;
        lastY = ballY;
        terminal = false;
    }

    private void fillBricks() {
        Arrays.fill(bricks, BRICK_FIRST_ROW * SIZE, (BRICK_FIRST_ROW + BRICK_ROWS) * SIZE, true);
        brickCount = BRICK_ROWS * SIZE;
    }

    @Override
    protected int act(MinAtarAction a) {
        int r = 0;
        if (a == MinAtarAction.LEFT) {
            pos = Math.max(0, pos - 1);
        } else if (a == MinAtarAction.RIGHT) {
            pos = Math.min(SIZE - 1, pos + 1);
        }
        lastX = ballX;
        lastY = ballY;
        int newX = ballX + DX[ballDir];
        int newY = ballY + DY[ballDir];
        boolean strikeToggle = false;
        if (newX < 0 || newX > SIZE - 1) {
            newX = Math.min(SIZE - 1, Math.max(0, newX));
            ballDir = FLIP_X[ballDir];
        }
        if (newY < 0) {
            newY = 0;
            ballDir = FLIP_Y[ballDir];
        } else if (bricks[newY * SIZE + newX]) {
            strikeToggle = true;
            if (!strike) {   // one brick per contact: a ball still touching the last brick passes into this one
                r += 1;
                strike = true;
                bricks[newY * SIZE + newX] = false;
                brickCount--;
                newY = lastY;
                ballDir = FLIP_Y[ballDir];
            }
        } else if (newY == BOTTOM) {
            if (brickCount == 0) {
                fillBricks();
            }
            if (ballX == pos) {
                ballDir = FLIP_Y[ballDir];
                newY = lastY;
            } else if (newX == pos) {
                ballDir = REVERSE[ballDir];
                newY = lastY;
            } else {
                terminal = true;
            }
        }
        if (!strikeToggle) {
            strike = false;
        }
        ballX = newX;
        ballY = newY;
        return r;
    }

    @Override
    protected void writeState() {
        mark(BALL, ballY, ballX);
        mark(PADDLE, BOTTOM, pos);
        mark(TRAIL, lastY, lastX);
        copyPlane(BRICK, bricks);
    }

    @Override
    protected void copyGameFrom(Breakout o) {
        ballX = o.ballX;
        ballY = o.ballY;
        ballDir = o.ballDir;
        pos = o.pos;
        lastX = o.lastX;
        lastY = o.lastY;
        strike = o.strike;
        System.arraycopy(o.bricks, 0, bricks, 0, CELLS);
        brickCount = o.brickCount;
    }

    @Override
    protected Breakout blank() {
        return new Breakout();
    }
}
