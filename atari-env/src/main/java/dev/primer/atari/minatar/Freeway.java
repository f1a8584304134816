package dev.primer.atari.minatar;

import java.util.List;

/**
 * MinAtar Freeway ({@code minatar/environments/freeway.py}): lead a chicken up across eight lanes of wrapping
 * traffic, +1 per crossing (which re-randomizes car speeds), back to the bottom when hit; the episode is terminal
 * after {@link #TIME_LIMIT} frames, i.e. on the 2501st step, exactly as in MinAtar.
 */
public final class Freeway extends MinAtarGame<Freeway> {

    /** Channel indices in MinAtar's order; speed channel {@code SPEED1 + k - 1} marks cars moving every k frames. */
    public static final int CHICKEN = 0, CAR = 1, SPEED1 = 2, SPEED2 = 3, SPEED3 = 4, SPEED4 = 5, SPEED5 = 6;
    private static final List<String> CHANNELS = List.of("chicken", "car", "speed1", "speed2", "speed3", "speed4",
            "speed5");
    private static final List<MinAtarAction> MINIMAL = List.of(MinAtarAction.NOOP, MinAtarAction.UP,
            MinAtarAction.DOWN);

    /** freeway.py constants: the chicken moves at most once every {@code player_speed} frames. */
    static final int PLAYER_SPEED = 3, TIME_LIMIT = 2500;
    /** Eight cars, car i in lane (row) i + 1. */
    static final int CARS = 8;
    /** Cars move once every 1..5 frames ({@code random.randint(1, 6, 8)}). */
    static final int MAX_CAR_PERIOD = 5;
    /** The chicken's column. */
    static final int CHICKEN_X = 4;
    private static final int START_ROW = SIZE - 1;

    int pos, moveTimer, terminateTimer;
    final int[] carX = new int[CARS];
    final int[] carTimer = new int[CARS];
    /** Signed period: |speed| frames per move, the sign is the direction ({@code car[3]}). */
    final int[] carSpeed = new int[CARS];

    /** Freeway with MinAtar's defaults. */
    public Freeway() {
        this(MinAtarOptions.DEFAULT);
    }

    /** Freeway with the given options (it has no difficulty ramp). */
    public Freeway(MinAtarOptions options) {
        super("freeway", CHANNELS, MINIMAL, options);
    }

    @Override
    protected void resetGame() {
        randomizeCars(true);
        pos = START_ROW;
        moveTimer = PLAYER_SPEED;
        terminateTimer = TIME_LIMIT;
        terminal = false;
    }

    /** {@code _randomize_cars}: eight speeds in 1..5, then eight directions, then (on init) cars at x = 0. */
    private void randomizeCars(boolean initialize) {
        for (int i = 0; i < CARS; i++) {
            carSpeed[i] = 1 + rng.nextInt(MAX_CAR_PERIOD);
        }
        for (int i = 0; i < CARS; i++) {
            if (rng.nextInt(2) == 0) {
                carSpeed[i] = -carSpeed[i];
            }
        }
        for (int i = 0; i < CARS; i++) {
            if (initialize) {
                carX[i] = 0;
            }
            carTimer[i] = Math.abs(carSpeed[i]);
        }
    }

    @Override
    protected int act(MinAtarAction a) {
        int r = 0;
        if (a == MinAtarAction.UP && moveTimer == 0) {
            moveTimer = PLAYER_SPEED;
            pos = Math.max(0, pos - 1);
        } else if (a == MinAtarAction.DOWN && moveTimer == 0) {
            moveTimer = PLAYER_SPEED;
            pos = Math.min(SIZE - 1, pos + 1);
        }
        if (pos == 0) {
            r += 1;
            randomizeCars(false);
            pos = START_ROW;
        }
        for (int i = 0; i < CARS; i++) {
            int lane = i + 1;
            if (carX[i] == CHICKEN_X && lane == pos) {
                pos = START_ROW;
            }
            if (carTimer[i] == 0) {
                carTimer[i] = Math.abs(carSpeed[i]);
                carX[i] += carSpeed[i] > 0 ? 1 : -1;
                if (carX[i] < 0) {
                    carX[i] = SIZE - 1;
                } else if (carX[i] > SIZE - 1) {
                    carX[i] = 0;
                }
                if (carX[i] == CHICKEN_X && lane == pos) {
                    pos = START_ROW;
                }
            } else {
                carTimer[i]--;
            }
        }
        moveTimer -= moveTimer > 0 ? 1 : 0;
        terminateTimer--;
        if (terminateTimer < 0) {
            terminal = true;
        }
        return r;
    }

    @Override
    protected void writeState() {
        mark(CHICKEN, pos, CHICKEN_X);
        for (int i = 0; i < CARS; i++) {
            int lane = i + 1;
            mark(CAR, lane, carX[i]);
            markTrail(SPEED1 + Math.abs(carSpeed[i]) - 1, lane, carX[i], Integer.signum(carSpeed[i]), true);
        }
    }

    @Override
    protected void copyGameFrom(Freeway o) {
        pos = o.pos;
        moveTimer = o.moveTimer;
        terminateTimer = o.terminateTimer;
        System.arraycopy(o.carX, 0, carX, 0, CARS);
        System.arraycopy(o.carTimer, 0, carTimer, 0, CARS);
        System.arraycopy(o.carSpeed, 0, carSpeed, 0, CARS);
    }

    @Override
    protected Freeway blank() {
        return new Freeway();
    }
}
