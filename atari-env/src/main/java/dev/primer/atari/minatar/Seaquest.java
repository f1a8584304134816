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

    int oxygen, diverCount, subX, subY, eSpawnSpeed, eSpawnTimer, dSpawnTimer, moveSpeed, rampIndex, shotTimer;
    /** {@code sub_or}: true when facing right. */
    boolean facingRight;
    /** True while the sub sits at the surface after surfacing (so it surfaces once per visit). */
    boolean surface;
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
        facingRight = false;
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
        if (a == MinAtarAction.FIRE && shotTimer == 0) {
            friendlyBullets.add(subX, subY, facingRight, 0, 0);
            shotTimer = SHOT_COOL_DOWN;
        } else if (a == MinAtarAction.LEFT) {
            subX = Math.max(0, subX - 1);
            facingRight = false;
        } else if (a == MinAtarAction.RIGHT) {
            subX = Math.min(SIZE - 1, subX + 1);
            facingRight = true;
        } else if (a == MinAtarAction.UP) {
            subY = Math.max(0, subY - 1);
        } else if (a == MinAtarAction.DOWN) {
            subY = Math.min(DEEPEST_ROW, subY + 1);
        }
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
            b.x[i] += b.right[i] ? 1 : -1;
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
                d.x[i] += d.right[i] ? 1 : -1;
                if (d.x[i] < 0 || d.x[i] > SIZE - 1) {
                    d.removeAt(i);
                } else if (d.x[i] == subX && d.y[i] == subY && diverCount < MAX_DIVERS) {
                    d.removeAt(i);
                    diverCount++;
                }
            } else {
                d.timer[i]--;
            }
        }
    }

    private int updateEnemySubs() {
        int r = 0;
        EntityList s = subs;
        for (int i = s.size - 1; i >= 0; i--) {
            int x = s.x[i];
            int y = s.y[i];
            boolean right = s.right[i];
            int shot = s.shotTimer[i];
            boolean removed = false;
            if (x == subX && y == subY) {
                terminal = true;
            }
            if (s.timer[i] == 0) {
                s.timer[i] = moveSpeed;
                x += right ? 1 : -1;
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
                enemyBullets.add(x, y, right, 0, 0);
            } else if (!removed) {
                s.shotTimer[i]--;
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
            b.x[i] += b.right[i] ? 1 : -1;
            if (b.x[i] < 0 || b.x[i] > SIZE - 1) {
                b.removeAt(i);
            } else if (b.x[i] == subX && b.y[i] == subY) {
                terminal = true;
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
                f.x[i] += f.right[i] ? 1 : -1;
                if (f.x[i] < 0 || f.x[i] > SIZE - 1) {
                    f.removeAt(i);
                } else if (f.x[i] == subX && f.y[i] == subY) {
                    terminal = true;
                } else {
                    int hit = friendlyBullets.indexAt(f.x[i], f.y[i]);
                    if (hit >= 0) {
                        f.removeAt(i);
                        friendlyBullets.removeAt(hit);
                        r++;
                    }
                }
            } else {
                f.timer[i]--;
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
        int y = SPAWN_ROW_LOW + rng.nextInt(SPAWN_ROWS);
        if (subs.opposesInRow(y, lr) || fish.opposesInRow(y, lr)) {
            return;
        }
        if (isSub) {
            subs.add(x, y, lr, moveSpeed, ENEMY_SHOT_INTERVAL);
        } else {
            fish.add(x, y, lr, moveSpeed, 0);
        }
    }

    private void spawnDiver() {
        boolean lr = rng.nextDouble() < 0.5;
        int x = lr ? 0 : SIZE - 1;
        int y = SPAWN_ROW_LOW + rng.nextInt(SPAWN_ROWS);
        divers.add(x, y, lr, DIVER_MOVE_INTERVAL, 0);
    }

    @Override
    public int difficultyRamp() {
        return rampIndex;
    }

    @Override
    protected void writeState(boolean[] planes) {
        set(planes, SUB_FRONT, subY, subX);
        set(planes, SUB_BACK, subY, facingRight ? subX - 1 : subX + 1);
        int oxygenCells = Math.max(0, oxygen) * OXYGEN_CELLS / MAX_OXYGEN;
        for (int x = 0; x < oxygenCells; x++) {
            set(planes, OXYGEN_GAUGE, GAUGE_ROW, x);
        }
        for (int x = SIZE - 1 - diverCount; x < SIZE - 1; x++) {   // state[9, 9-diver_count:9]
            set(planes, DIVER_GAUGE, GAUGE_ROW, x);
        }
        for (int i = 0; i < friendlyBullets.size; i++) {
            set(planes, FRIENDLY_BULLET, friendlyBullets.y[i], friendlyBullets.x[i]);
        }
        for (int i = 0; i < enemyBullets.size; i++) {
            set(planes, ENEMY_BULLET, enemyBullets.y[i], enemyBullets.x[i]);
        }
        writeMovers(planes, fish, ENEMY_FISH);
        writeMovers(planes, subs, ENEMY_SUB);
        writeMovers(planes, divers, DIVER);
    }

    private static void writeMovers(boolean[] planes, EntityList list, int channel) {
        for (int i = 0; i < list.size; i++) {
            set(planes, channel, list.y[i], list.x[i]);
            int backX = list.right[i] ? list.x[i] - 1 : list.x[i] + 1;
            if (backX >= 0 && backX <= SIZE - 1) {
                set(planes, TRAIL, list.y[i], backX);
            }
        }
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
        facingRight = o.facingRight;
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
