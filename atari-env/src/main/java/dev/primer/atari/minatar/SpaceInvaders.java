package dev.primer.atari.minatar;

import java.util.Arrays;
import java.util.List;

/**
 * MinAtar Space Invaders ({@code minatar/environments/space_invaders.py}): shoot a descending 4 x 6 block of
 * aliens, +1 per alien; aliens speed up as they thin out and each new wave is faster (with ramping); terminal when
 * an alien or an alien bullet reaches the cannon.
 */
public final class SpaceInvaders extends MinAtarGame<SpaceInvaders> {

    /** Channel indices in MinAtar's order. */
    public static final int CANNON = 0, ALIEN = 1, ALIEN_LEFT = 2, ALIEN_RIGHT = 3, FRIENDLY_BULLET = 4,
            ENEMY_BULLET = 5;
    private static final List<String> CHANNELS = List.of("cannon", "alien", "alien_left", "alien_right",
            "friendly_bullet", "enemy_bullet");
    private static final List<MinAtarAction> MINIMAL = List.of(MinAtarAction.NOOP, MinAtarAction.LEFT,
            MinAtarAction.RIGHT, MinAtarAction.FIRE);

    /** space_invaders.py constants. */
    static final int SHOT_COOL_DOWN = 5, ENEMY_MOVE_INTERVAL = 12, ENEMY_SHOT_INTERVAL = 10;
    /** The fastest wave's move interval reached by ramping ({@code enemy_move_interval > 6}). */
    static final int MIN_MOVE_INTERVAL = 6;
    private static final int START_POS = 5;
    /** A wave fills rows 0..3 and columns 2..7 ({@code alien_map[0:4, 2:8] = 1}). */
    private static final int WAVE_ROWS = 4, WAVE_COL_FROM = 2, WAVE_COL_TO = 8;
    private static final int BOTTOM = SIZE - 1;
    /** An empty plane, for the alien-direction plane not in use. */
    private static final boolean[] NO_CELLS = new boolean[CELLS];

    int pos, alienDir, enemyMoveInterval, alienMoveTimer, alienShotTimer, rampIndex, shotTimer, alienCount;
    final boolean[] aliens = new boolean[CELLS];
    final boolean[] friendlyBullets = new boolean[CELLS];
    final boolean[] enemyBullets = new boolean[CELLS];
    private final boolean[] scratch = new boolean[CELLS];

    /** Space Invaders with MinAtar's defaults. */
    public SpaceInvaders() {
        this(MinAtarOptions.DEFAULT);
    }

    /** Space Invaders with the given options. */
    public SpaceInvaders(MinAtarOptions options) {
        super("space_invaders", CHANNELS, MINIMAL, options);
    }

    @Override
    protected void resetGame() {
        pos = START_POS;
        Arrays.fill(friendlyBullets, false);
        Arrays.fill(enemyBullets, false);
        Arrays.fill(aliens, false);
        spawnWave();
        alienDir = -1;
        enemyMoveInterval = ENEMY_MOVE_INTERVAL;
        alienMoveTimer = enemyMoveInterval;
        alienShotTimer = ENEMY_SHOT_INTERVAL;
        rampIndex = 0;
        shotTimer = 0;
        terminal = false;
    }

    private void spawnWave() {
        for (int y = 0; y < WAVE_ROWS; y++) {
            Arrays.fill(aliens, y * SIZE + WAVE_COL_FROM, y * SIZE + WAVE_COL_TO, true);
        }
        alienCount = WAVE_ROWS * (WAVE_COL_TO - WAVE_COL_FROM);
    }

    @Override
    protected int act(MinAtarAction a) {
        int r = 0;
        if (a == MinAtarAction.FIRE && shotTimer == 0) {
            friendlyBullets[BOTTOM * SIZE + pos] = true;
            shotTimer = SHOT_COOL_DOWN;
        } else if (a == MinAtarAction.LEFT) {
            pos = Math.max(0, pos - 1);
        } else if (a == MinAtarAction.RIGHT) {
            pos = Math.min(SIZE - 1, pos + 1);
        }

        // np.roll(f_bullet_map, -1, axis=0); f_bullet_map[9, :] = 0
        System.arraycopy(friendlyBullets, SIZE, friendlyBullets, 0, CELLS - SIZE);
        Arrays.fill(friendlyBullets, CELLS - SIZE, CELLS, false);
        // np.roll(e_bullet_map, 1, axis=0); e_bullet_map[0, :] = 0
        System.arraycopy(enemyBullets, 0, enemyBullets, SIZE, CELLS - SIZE);
        Arrays.fill(enemyBullets, 0, SIZE, false);
        if (enemyBullets[BOTTOM * SIZE + pos]) {
            terminal = true;
        }

        if (aliens[BOTTOM * SIZE + pos]) {
            terminal = true;
        }
        if (alienMoveTimer == 0) {
            alienMoveTimer = Math.min(alienCount, enemyMoveInterval);
            if ((columnOccupied(0) && alienDir < 0) || (columnOccupied(SIZE - 1) && alienDir > 0)) {
                alienDir = -alienDir;
                if (rowOccupied(BOTTOM)) {
                    terminal = true;
                }
                rollDown();
            } else {
                shiftSideways(alienDir);
            }
            if (aliens[BOTTOM * SIZE + pos]) {
                terminal = true;
            }
        }
        if (alienShotTimer == 0) {
            alienShotTimer = ENEMY_SHOT_INTERVAL;
            shootFromNearestAlien();
        }

        // kill_locations = alien_map & (alien_map == f_bullet_map)
        for (int i = 0; i < CELLS; i++) {
            if (aliens[i] && friendlyBullets[i]) {
                aliens[i] = false;
                friendlyBullets[i] = false;
                alienCount--;
                r += 1;
            }
        }

        shotTimer -= shotTimer > 0 ? 1 : 0;
        alienMoveTimer--;
        alienShotTimer--;
        if (alienCount == 0) {
            if (enemyMoveInterval > MIN_MOVE_INTERVAL && ramping) {
                enemyMoveInterval--;
                rampIndex++;
            }
            spawnWave();
        }
        return r;
    }

    private boolean columnOccupied(int x) {
        for (int y = 0; y < SIZE; y++) {
            if (aliens[y * SIZE + x]) {
                return true;
            }
        }
        return false;
    }

    private boolean rowOccupied(int y) {
        for (int x = 0; x < SIZE; x++) {
            if (aliens[y * SIZE + x]) {
                return true;
            }
        }
        return false;
    }

    /** {@code np.roll(alien_map, 1, axis=0)}: every row moves down one; the bottom row wraps to the top. */
    private void rollDown() {
        System.arraycopy(aliens, CELLS - SIZE, scratch, 0, SIZE);
        System.arraycopy(aliens, 0, aliens, SIZE, CELLS - SIZE);
        System.arraycopy(scratch, 0, aliens, 0, SIZE);
    }

    /** {@code np.roll(alien_map, dir, axis=1)}; only called when the leading edge column is empty. */
    private void shiftSideways(int dir) {
        for (int y = 0; y < SIZE; y++) {
            int row = y * SIZE;
            if (dir > 0) {
                boolean wrapped = aliens[row + SIZE - 1];
                System.arraycopy(aliens, row, aliens, row + 1, SIZE - 1);
                aliens[row] = wrapped;
            } else {
                boolean wrapped = aliens[row];
                System.arraycopy(aliens, row + 1, aliens, row, SIZE - 1);
                aliens[row + SIZE - 1] = wrapped;
            }
        }
    }

    /**
     * {@code _nearest_alien(pos)}: columns in order of distance from the cannon (ties: left first, a stable sort),
     * the lowest alien of the first occupied column fires.
     */
    private void shootFromNearestAlien() {
        for (int d = 0; d < SIZE; d++) {
            if (fireFromColumn(pos - d) || (d > 0 && fireFromColumn(pos + d))) {
                return;
            }
        }
    }

    private boolean fireFromColumn(int x) {
        if (x < 0 || x >= SIZE) {
            return false;
        }
        for (int y = SIZE - 1; y >= 0; y--) {
            if (aliens[y * SIZE + x]) {
                enemyBullets[y * SIZE + x] = true;
                return true;
            }
        }
        return false;
    }

    @Override
    public int difficultyRamp() {
        return rampIndex;
    }

    @Override
    protected void writeState() {
        mark(CANNON, BOTTOM, pos);
        copyPlane(ALIEN, aliens);
        copyPlane(ALIEN_LEFT, alienDir < 0 ? aliens : NO_CELLS);
        copyPlane(ALIEN_RIGHT, alienDir < 0 ? NO_CELLS : aliens);
        copyPlane(FRIENDLY_BULLET, friendlyBullets);
        copyPlane(ENEMY_BULLET, enemyBullets);
    }

    @Override
    protected void copyGameFrom(SpaceInvaders o) {
        pos = o.pos;
        alienDir = o.alienDir;
        enemyMoveInterval = o.enemyMoveInterval;
        alienMoveTimer = o.alienMoveTimer;
        alienShotTimer = o.alienShotTimer;
        rampIndex = o.rampIndex;
        shotTimer = o.shotTimer;
        alienCount = o.alienCount;
        System.arraycopy(o.aliens, 0, aliens, 0, CELLS);
        System.arraycopy(o.friendlyBullets, 0, friendlyBullets, 0, CELLS);
        System.arraycopy(o.enemyBullets, 0, enemyBullets, 0, CELLS);
    }

    @Override
    protected SpaceInvaders blank() {
        return new SpaceInvaders();
    }
}
