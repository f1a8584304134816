package dev.primer.atari.minatar;

import java.util.List;

/**
 * MinAtar Seaquest ({@code minatar/environments/seaquest.py}): a two-cell submarine shoots fish and enemy subs
 * (+1 each), rescues divers and must surface before oxygen runs out. Surfacing with no diver is terminal, with
 * 1..5 divers costs one diver, with 6 pays {@code oxygen*10//200} and empties the sub; every surfacing ramps the
 * difficulty. Terminal also when hit by a fish, sub or enemy bullet, or when oxygen reaches 0.
 *
 * <p>Ported as is, including two quirks of the reference: after surfacing with six divers the count becomes -1
 * ({@code diver_count = 0} then {@code diver_count -= 1}), and a sub destroyed or leaving the screen in a frame
 * where its shot timer expires still fires that frame.
 */
public final class Seaquest extends MinAtarGame<Seaquest> {

    /** Channel indices in MinAtar's order (its spelling "guage" kept in the names). */
    public static final int SUB_FRONT = 0, SUB_BACK = 1, FRIENDLY_BULLET = 2, TRAIL = 3, ENEMY_BULLET = 4,
            ENEMY_FISH = 5, ENEMY_SUB = 6, OXYGEN_GAUGE = 7, DIVER_GAUGE = 8, DIVER = 9;
    private static final List<String> CHANNELS = List.of("sub_front", "sub_back", "friendly_bullet", "trail",
            "enemy_bullet", "enemy_fish", "enemy_sub", "oxygen_guage", "diver_guage", "diver");
    private static final List<MinAtarAction> MINIMAL = List.of(MinAtarAction.values());

    /** seaquest.py constants. */
    static final int RAMP_INTERVAL = 100, MAX_OXYGEN = 200, INIT_SPAWN_SPEED = 20, DIVER_SPAWN_SPEED = 30,
            INIT_MOVE_INTERVAL = 5, SHOT_COOL_DOWN = 5, ENEMY_SHOT_INTERVAL = 10, DIVER_MOVE_INTERVAL = 5;
    /** The sub holds at most six divers. */
    static final int MAX_DIVERS = 6;
    /** Ramping stops at move interval 2 and spawn interval 1. */
    static final int MIN_MOVE_SPEED = 2, MIN_SPAWN_SPEED = 1;
    /** Enemy subs with probability 1/3, otherwise fish. */
    static final double SUB_PROBABILITY = 1.0 / 3;
    /** Enemies and divers spawn in rows 1..8 ({@code randint(low=1, high=9)}). */
    static final int SPAWN_ROW_LOW = 1, SPAWN_ROWS = 8;
    private static final int START_X = 5, DEEPEST_ROW = 8, GAUGE_ROW = SIZE - 1, OXYGEN_CELLS = 10;
    private static final int FIRE = MinAtarAction.FIRE.ordinal();
    /**
     * Per MinAtar action (by ordinal: n, l, u, r, d, f): the sub's step and the clamp applied to it, so a move is
     * {@code min(MAX, max(MIN, pos + D))} without a branch; axes an action does not move are left unclamped.
     */
    private static final int[] DX = {0, -1, 0, 1, 0, 0}, DY = {0, 0, -1, 0, 1, 0};
    private static final int[] MIN_X = {Integer.MIN_VALUE, 0, Integer.MIN_VALUE, Integer.MIN_VALUE,
            Integer.MIN_VALUE, Integer.MIN_VALUE};
    private static final int[] MAX_X = {Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE, SIZE - 1,
            Integer.MAX_VALUE, Integer.MAX_VALUE};
    private static final int[] MIN_Y = {Integer.MIN_VALUE, Integer.MIN_VALUE, 0, Integer.MIN_VALUE,
            Integer.MIN_VALUE, Integer.MIN_VALUE};
    private static final int[] MAX_Y = {Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE,
            Integer.MAX_VALUE, DEEPEST_ROW, Integer.MAX_VALUE};
    /** LEFT and RIGHT set the facing ({@code sub_or}); the other actions keep it: {@code facing*KEEP + TURN}. */
    private static final int[] KEEP_FACING = {1, 0, 1, 0, 1, 1}, TURN = {0, -1, 0, 1, 0, 0};
    /** The gauge rows by reading: {@code OXYGEN_ROWS[k]} lights cells 0..k-1, {@code DIVER_ROWS[d]} cells 9-d..8. */
    private static final boolean[][] OXYGEN_ROWS = new boolean[OXYGEN_CELLS + 1][SIZE], DIVER_ROWS =
            new boolean[SIZE][SIZE];

    static {
        for (int k = 0; k <= OXYGEN_CELLS; k++) {
            java.util.Arrays.fill(OXYGEN_ROWS[k], 0, k, true);
        }
        for (int d = 0; d < SIZE; d++) {
            java.util.Arrays.fill(DIVER_ROWS[d], SIZE - 1 - d, SIZE - 1, true);
        }
    }

    int oxygen, diverCount, subX, subY, eSpawnSpeed, eSpawnTimer, dSpawnTimer, moveSpeed, rampIndex, shotTimer;
    /** {@code sub_or} as a step: +1 when facing right, -1 when facing left. */
    int facing;
    /** True while the sub sits at the surface after surfacing (so it surfaces once per visit). */
    boolean surface;
    /** The gauge rows now in the observation (all-false rows until first written). */
    private boolean[] shownOxygen = OXYGEN_ROWS[0], shownDivers = DIVER_ROWS[0];
    final EntityList friendlyBullets = new EntityList();
    final EntityList enemyBullets = new EntityList();
    final EntityList fish = new EntityList();
    final EntityList subs = new EntityList();
    final EntityList divers = new EntityList();

    /** Seaquest with MinAtar's defaults. */
    public Seaquest() {
        this(MinAtarOptions.DEFAULT);
    }

    /** Seaquest with the given options. */
    public Seaquest(MinAtarOptions options) {
        super("seaquest", CHANNELS, MINIMAL, options);
    }

    @Override
    protected void resetGame() {
        oxygen = MAX_OXYGEN;
        diverCount = 0;
        subX = START_X;
        subY = 0;
        facing = -1;
        friendlyBullets.clear();
        enemyBullets.clear();
        fish.clear();
        subs.clear();
        divers.clear();
        eSpawnSpeed = INIT_SPAWN_SPEED;
        eSpawnTimer = eSpawnSpeed;
        dSpawnTimer = DIVER_SPAWN_SPEED;
        moveSpeed = INIT_MOVE_INTERVAL;
        rampIndex = 0;
        shotTimer = 0;
        surface = true;
        terminal = false;
    }

    @Override
    protected int act(MinAtarAction a) {
        int r = 0;
        if (eSpawnTimer == 0) {
            spawnEnemy();
            eSpawnTimer = eSpawnSpeed;
        }
        if (dSpawnTimer == 0) {
            spawnDiver();
            dSpawnTimer = DIVER_SPAWN_SPEED;
        }
        int o = a.ordinal();
        if (o == FIRE && shotTimer == 0) {
            friendlyBullets.add(subX, subY, facing, 0, 0);
            shotTimer = SHOT_COOL_DOWN;
        }
        // the move table gives FIRE and NOOP no effect, so the other actions need no branch
        subX = Math.min(MAX_X[o], Math.max(MIN_X[o], subX + DX[o]));
        subY = Math.min(MAX_Y[o], Math.max(MIN_Y[o], subY + DY[o]));
        facing = facing * KEEP_FACING[o] + TURN[o];
        r += updateFriendlyBullets();
        updateDivers();
        r += updateEnemySubs();
        updateEnemyBullets();
        r += updateFish();

        eSpawnTimer -= eSpawnTimer > 0 ? 1 : 0;
        dSpawnTimer -= dSpawnTimer > 0 ? 1 : 0;
        shotTimer -= shotTimer > 0 ? 1 : 0;
        if (oxygen <= 0) {
            terminal = true;
        }
        if (subY > 0) {
            oxygen--;
            surface = false;
        } else if (!surface) {
            if (diverCount == 0) {
                terminal = true;
            } else {
                r += surface();
            }
        }
        return r;
    }

    /** Bullets move first, then hit the first fish, else the first sub, at their new cell. */
    private int updateFriendlyBullets() {
        int r = 0;
        EntityList b = friendlyBullets;
        for (int i = b.size - 1; i >= 0; i--) {
            b.x[i] += b.step[i];
            if (b.x[i] < 0 || b.x[i] > SIZE - 1) {
                b.removeAt(i);
                continue;
            }
            int hit = fish.indexAt(b.x[i], b.y[i]);
            if (hit >= 0) {
                fish.removeAt(hit);
            } else {
                hit = subs.indexAt(b.x[i], b.y[i]);
                if (hit >= 0) {
                    subs.removeAt(hit);
                }
            }
            if (hit >= 0) {
                b.removeAt(i);
                r++;
            }
        }
        return r;
    }

    private void updateDivers() {
        EntityList d = divers;
        for (int i = d.size - 1; i >= 0; i--) {
            if (d.x[i] == subX && d.y[i] == subY && diverCount < MAX_DIVERS) {
                d.removeAt(i);
                diverCount++;
            } else if (d.timer[i] == 0) {
                d.timer[i] = DIVER_MOVE_INTERVAL;
                d.x[i] += d.step[i];
                if (d.x[i] < 0 || d.x[i] > SIZE - 1) {
                    d.removeAt(i);
                } else if (d.x[i] == subX && d.y[i] == subY && diverCount < MAX_DIVERS) {
                    d.removeAt(i);
                    diverCount++;
                } else {
                    markMover(DIVER, d, i);
                }
            } else {
                d.timer[i]--;
                markMover(DIVER, d, i);
            }
        }
    }

    private int updateEnemySubs() {
        int r = 0;
        EntityList s = subs;
        for (int i = s.size - 1; i >= 0; i--) {
            int x = s.x[i];
            int y = s.y[i];
            int step = s.step[i];
            int shot = s.shotTimer[i];
            boolean removed = false;
            if (x == subX && y == subY) {
                terminal = true;
            }
            if (s.timer[i] == 0) {
                s.timer[i] = moveSpeed;
                x += step;
                s.x[i] = x;
                if (x < 0 || x > SIZE - 1) {
                    s.removeAt(i);
                    removed = true;
                } else if (x == subX && y == subY) {
                    terminal = true;
                } else {
                    int hit = friendlyBullets.indexAt(x, y);
                    if (hit >= 0) {
                        s.removeAt(i);
                        friendlyBullets.removeAt(hit);
                        removed = true;
                        r++;
                    }
                }
            } else {
                s.timer[i]--;
            }
            // The reference keeps using the (possibly removed) sub object: it may still fire this frame.
            if (shot == 0) {
                if (!removed) {
                    s.shotTimer[i] = ENEMY_SHOT_INTERVAL;
                }
                enemyBullets.add(x, y, step, 0, 0);
            } else if (!removed) {
                s.shotTimer[i]--;
            }
            if (!removed) {
                markMover(ENEMY_SUB, s, i);
            }
        }
        return r;
    }

    private void updateEnemyBullets() {
        EntityList b = enemyBullets;
        for (int i = b.size - 1; i >= 0; i--) {
            if (b.x[i] == subX && b.y[i] == subY) {
                terminal = true;
            }
            b.x[i] += b.step[i];
            if (b.x[i] < 0 || b.x[i] > SIZE - 1) {
                b.removeAt(i);
            } else {
                if (b.x[i] == subX && b.y[i] == subY) {
                    terminal = true;
                }
                mark(ENEMY_BULLET, b.y[i], b.x[i]);
            }
        }
    }

    private int updateFish() {
        int r = 0;
        EntityList f = fish;
        for (int i = f.size - 1; i >= 0; i--) {
            if (f.x[i] == subX && f.y[i] == subY) {
                terminal = true;
            }
            if (f.timer[i] == 0) {
                f.timer[i] = moveSpeed;
                f.x[i] += f.step[i];
                if (f.x[i] < 0 || f.x[i] > SIZE - 1) {
                    f.removeAt(i);
                } else if (f.x[i] == subX && f.y[i] == subY) {
                    terminal = true;
                    markMover(ENEMY_FISH, f, i);
                } else {
                    int hit = friendlyBullets.indexAt(f.x[i], f.y[i]);
                    if (hit >= 0) {
                        f.removeAt(i);
                        friendlyBullets.removeAt(hit);
                        r++;
                    } else {
                        markMover(ENEMY_FISH, f, i);
                    }
                }
            } else {
                f.timer[i]--;
                markMover(ENEMY_FISH, f, i);
            }
        }
        return r;
    }

    /** {@code _surface}: refill oxygen, pay out or drop a diver, and ramp the difficulty. */
    private int surface() {
        surface = true;
        int r = 0;
        if (diverCount == MAX_DIVERS) {
            diverCount = 0;
            r = oxygen * 10 / MAX_OXYGEN;
        }
        oxygen = MAX_OXYGEN;
        diverCount--;
        if (ramping && (eSpawnSpeed > MIN_SPAWN_SPEED || moveSpeed > MIN_MOVE_SPEED)) {
            if (moveSpeed > MIN_MOVE_SPEED && rampIndex % 2 == 1) {
                moveSpeed--;
            }
            if (eSpawnSpeed > MIN_SPAWN_SPEED) {
                eSpawnSpeed--;
            }
            rampIndex++;
        }
        return r;
    }

    /** {@code _spawn_enemy}: side, kind and row are drawn; nothing spawns next to oncoming traffic in that row. */
    private void spawnEnemy() {
        boolean lr = rng.nextDouble() < 0.5;
        boolean isSub = rng.nextDouble() < SUB_PROBABILITY;
        int x = lr ? 0 : SIZE - 1;
        int step = lr ? 1 : -1;
        int y = SPAWN_ROW_LOW + rng.nextInt(SPAWN_ROWS);
        if (subs.opposesInRow(y, step) || fish.opposesInRow(y, step)) {
            return;
        }
        if (isSub) {
            subs.add(x, y, step, moveSpeed, ENEMY_SHOT_INTERVAL);
        } else {
            fish.add(x, y, step, moveSpeed, 0);
        }
    }

    private void spawnDiver() {
        boolean lr = rng.nextDouble() < 0.5;
        int x = lr ? 0 : SIZE - 1;
        int y = SPAWN_ROW_LOW + rng.nextInt(SPAWN_ROWS);
        divers.add(x, y, lr ? 1 : -1, DIVER_MOVE_INTERVAL, 0);
    }

    @Override
    public int difficultyRamp() {
        return rampIndex;
    }

    /** The whole observation (after reset or restore): the sub, the gauges and every entity list. */
    @Override
    protected void writeState() {
        writeStepState();
        for (int i = 0; i < enemyBullets.size; i++) {
            mark(ENEMY_BULLET, enemyBullets.y[i], enemyBullets.x[i]);
        }
        for (int i = 0; i < fish.size; i++) {
            markMover(ENEMY_FISH, fish, i);
        }
        for (int i = 0; i < subs.size; i++) {
            markMover(ENEMY_SUB, subs, i);
        }
        for (int i = 0; i < divers.size; i++) {
            markMover(DIVER, divers, i);
        }
    }

    /**
     * The observation after {@link #act}, which marks each diver, enemy sub, enemy bullet and fish as its update
     * leaves it (those lists are final by then); friendly bullets can still be removed later in the frame.
     */
    @Override
    protected void writeStepState() {
        mark(SUB_FRONT, subY, subX);
        mark(SUB_BACK, subY, subX - facing);
        // the gauge rows are written only when their reading changes; nothing else touches them
        boolean[] oxygenRow = OXYGEN_ROWS[Math.max(0, oxygen) * OXYGEN_CELLS / MAX_OXYGEN];
        if (oxygenRow != shownOxygen) {
            copyRow(OXYGEN_GAUGE, GAUGE_ROW, oxygenRow);
            shownOxygen = oxygenRow;
        }
        boolean[] diverRow = DIVER_ROWS[Math.max(0, diverCount)];   // state[9, 9-diver_count:9]
        if (diverRow != shownDivers) {
            copyRow(DIVER_GAUGE, GAUGE_ROW, diverRow);
            shownDivers = diverRow;
        }
        for (int i = 0; i < friendlyBullets.size; i++) {
            mark(FRIENDLY_BULLET, friendlyBullets.y[i], friendlyBullets.x[i]);
        }
    }

    /** Marks entity {@code i} of {@code list} on plane {@code channel} and its trail behind it. */
    private void markMover(int channel, EntityList list, int i) {
        int x = list.x[i];
        int y = list.y[i];
        mark(channel, y, x);
        markTrail(TRAIL, y, x, list.step[i], false);
    }

    @Override
    protected void copyGameFrom(Seaquest o) {
        oxygen = o.oxygen;
        diverCount = o.diverCount;
        subX = o.subX;
        subY = o.subY;
        eSpawnSpeed = o.eSpawnSpeed;
        eSpawnTimer = o.eSpawnTimer;
        dSpawnTimer = o.dSpawnTimer;
        moveSpeed = o.moveSpeed;
        rampIndex = o.rampIndex;
        shotTimer = o.shotTimer;
        facing = o.facing;
        surface = o.surface;
        friendlyBullets.copyFrom(o.friendlyBullets);
        enemyBullets.copyFrom(o.enemyBullets);
        fish.copyFrom(o.fish);
        subs.copyFrom(o.subs);
        divers.copyFrom(o.divers);
    }

    @Override
    protected Seaquest blank() {
        return new Seaquest();
    }
}
