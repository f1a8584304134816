package dev.primer.atari.minatar;

import java.util.Arrays;
import java.util.List;

/**
 * MinAtar Asterix ({@code minatar/environments/asterix.py}): move in four directions among enemies and gold that
 * cross rows 1..8 from the sides, +1 per gold, terminal on touching an enemy; with ramping, spawning and movement
 * speed up every {@link #RAMP_INTERVAL} frames.
 */
public final class Asterix extends MinAtarGame<Asterix> {

    /** Channel indices in MinAtar's order. */
    public static final int PLAYER = 0, ENEMY = 1, TRAIL = 2, GOLD = 3;
    private static final List<String> CHANNELS = List.of("player", "enemy", "trail", "gold");
    private static final List<MinAtarAction> MINIMAL = List.of(MinAtarAction.NOOP, MinAtarAction.LEFT,
            MinAtarAction.UP, MinAtarAction.RIGHT, MinAtarAction.DOWN);

    /** asterix.py constants. */
    static final int RAMP_INTERVAL = 100, INIT_SPAWN_SPEED = 10, INIT_MOVE_INTERVAL = 5;
    /** One entity slot per row 1..8 ({@code self.entities = [None]*8}). */
    static final int SLOTS = 8;
    /** Gold with probability 1/3 ({@code random.rand() < 1/3}). */
    static final double GOLD_PROBABILITY = 1.0 / 3;
    private static final int START_X = 5, START_Y = 5, TOP_ROW = 1, BOTTOM_ROW = 8;
    /**
     * Per MinAtar action (by ordinal: n, l, u, r, d, f): the player's step and the clamp applied to it, so a move
     * is {@code min(MAX, max(MIN, pos + D))} without a branch; axes an action does not move are left unclamped.
     */
    private static final int[] DX = {0, -1, 0, 1, 0, 0}, DY = {0, 0, -1, 0, 1, 0};
    private static final int[] MIN_X = {Integer.MIN_VALUE, 0, Integer.MIN_VALUE, Integer.MIN_VALUE,
            Integer.MIN_VALUE, Integer.MIN_VALUE};
    private static final int[] MAX_X = {Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE, SIZE - 1,
            Integer.MAX_VALUE, Integer.MAX_VALUE};
    private static final int[] MIN_Y = {Integer.MIN_VALUE, Integer.MIN_VALUE, TOP_ROW, Integer.MIN_VALUE,
            Integer.MIN_VALUE, Integer.MIN_VALUE};
    private static final int[] MAX_Y = {Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE,
            Integer.MAX_VALUE, BOTTOM_ROW, Integer.MAX_VALUE};

    int playerX, playerY, spawnSpeed, spawnTimer, moveSpeed, moveTimer, rampTimer, rampIndex;
    /** Slot occupancy and fields of MinAtar's {@code [x, y=slot+1, lr, is_gold]} entities. */
    final boolean[] alive = new boolean[SLOTS];
    final int[] entityX = new int[SLOTS];
    final boolean[] movingRight = new boolean[SLOTS];
    final boolean[] gold = new boolean[SLOTS];
    private final int[] freeSlots = new int[SLOTS];

    /** Asterix with MinAtar's defaults. */
    public Asterix() {
        this(MinAtarOptions.DEFAULT);
    }

    /** Asterix with the given options. */
    public Asterix(MinAtarOptions options) {
        super("asterix", CHANNELS, MINIMAL, options);
    }

    @Override
    protected void resetGame() {
        playerX = START_X;
        playerY = START_Y;
        Arrays.fill(alive, false);
        spawnSpeed = INIT_SPAWN_SPEED;
        spawnTimer = spawnSpeed;
        moveSpeed = INIT_MOVE_INTERVAL;
        moveTimer = moveSpeed;
        rampTimer = RAMP_INTERVAL;
        rampIndex = 0;
        terminal = false;
    }

    @Override
    protected int act(MinAtarAction a) {
        if (spawnTimer == 0) {
            spawnEntity();
            spawnTimer = spawnSpeed;
        }
        int o = a.ordinal();
        playerX = Math.min(MAX_X[o], Math.max(MIN_X[o], playerX + DX[o]));
        playerY = Math.min(MAX_Y[o], Math.max(MIN_Y[o], playerY + DY[o]));
        // only the entity in the player's row (slot playerY - 1) can touch the player
        int r = touchPlayer();
        if (moveTimer == 0) {
            moveTimer = moveSpeed;
            for (int i = 0; i < SLOTS; i++) {
                if (alive[i]) {
                    int x = entityX[i] + (movingRight[i] ? 1 : -1);
                    entityX[i] = x;
                    alive[i] = x >= 0 && x <= SIZE - 1;
                }
            }
            r += touchPlayer();
        }
        spawnTimer--;
        moveTimer--;
        if (ramping && (spawnSpeed > 1 || moveSpeed > 1)) {
            if (rampTimer >= 0) {
                rampTimer--;
            } else {
                if (moveSpeed > 1 && rampIndex % 2 == 1) {
                    moveSpeed--;
                }
                if (spawnSpeed > 1) {
                    spawnSpeed--;
                }
                rampIndex++;
                rampTimer = RAMP_INTERVAL;
            }
        }
        return r;
    }

    /** Collides the entity on the player's cell, if any. */
    private int touchPlayer() {
        int slot = playerY - 1;
        if (slot >= 0 && slot < SLOTS && alive[slot] && entityX[slot] == playerX) {
            return collide(slot);
        }
        return 0;
    }

    /** Gold is collected for +1; an enemy ends the game (the enemy stays on the board). */
    private int collide(int slot) {
        if (gold[slot]) {
            alive[slot] = false;
            return 1;
        }
        terminal = true;
        return 0;
    }

    /** {@code _spawn_entity}: direction and kind are drawn first, then a uniformly chosen free row, if any. */
    private void spawnEntity() {
        boolean lr = rng.nextDouble() < 0.5;
        boolean isGold = rng.nextDouble() < GOLD_PROBABILITY;
        int free = 0;
        for (int i = 0; i < SLOTS; i++) {
            if (!alive[i]) {
                freeSlots[free++] = i;
            }
        }
        if (free == 0) {
            return;
        }
        int slot = freeSlots[rng.nextInt(free)];
        alive[slot] = true;
        entityX[slot] = lr ? 0 : SIZE - 1;
        movingRight[slot] = lr;
        gold[slot] = isGold;
    }

    @Override
    public int difficultyRamp() {
        return rampIndex;
    }

    @Override
    protected void writeState() {
        mark(PLAYER, playerY, playerX);
        for (int i = 0; i < SLOTS; i++) {
            if (alive[i]) {
                int x = entityX[i];
                mark(gold[i] ? GOLD : ENEMY, i + 1, x);
                markTrail(TRAIL, i + 1, x, movingRight[i], false);
            }
        }
    }

    @Override
    protected void copyGameFrom(Asterix o) {
        playerX = o.playerX;
        playerY = o.playerY;
        spawnSpeed = o.spawnSpeed;
        spawnTimer = o.spawnTimer;
        moveSpeed = o.moveSpeed;
        moveTimer = o.moveTimer;
        rampTimer = o.rampTimer;
        rampIndex = o.rampIndex;
        System.arraycopy(o.alive, 0, alive, 0, SLOTS);
        System.arraycopy(o.entityX, 0, entityX, 0, SLOTS);
        System.arraycopy(o.movingRight, 0, movingRight, 0, SLOTS);
        System.arraycopy(o.gold, 0, gold, 0, SLOTS);
    }

    @Override
    protected Asterix blank() {
        return new Asterix();
    }
}
