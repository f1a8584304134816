package dev.primer.atari.minatar;

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
    private static final int ALL_SLOTS = (1 << SLOTS) - 1;
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
    /** The occupied slots, bit {@code slot} set for each: the entries of MinAtar's {@code entities} not None. */
    int occupied;
    /**
     * Per slot, MinAtar's entity {@code [x, y=slot+1, lr, is_gold]} as numbers, so that moving and drawing it takes
     * no branch: x, the step it moves by (+1 when {@code lr}, moving right, else -1) and the plane it is drawn on
     * ({@link #GOLD} when {@code is_gold}, else {@link #ENEMY}).
     */
    final int[] entityX = new int[SLOTS], entityStep = new int[SLOTS], entityPlane = new int[SLOTS];

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
        occupied = 0;
        spawnSpeed = INIT_SPAWN_SPEED;
        spawnTimer = spawnSpeed;
        moveSpeed = INIT_MOVE_INTERVAL;
        moveTimer = moveSpeed;
        rampTimer = RAMP_INTERVAL;
        rampIndex = 0;
        terminal = false;
    }

    /**
     * {@inheritDoc} The observation is kept current as it goes: the player and every entity are erased before they
     * change and drawn again after.
     */
    @Override
    protected int act(MinAtarAction a) {
        if (spawnTimer == 0) {
            spawnEntity();
            spawnTimer = spawnSpeed;
        }
        movePlayer(a.ordinal());
        // only the entity in the player's row (slot playerY - 1) can touch the player
        int r = touchPlayer();
        if (moveTimer == 0) {
            moveTimer = moveSpeed;
            for (int slots = occupied; slots != 0; slots &= slots - 1) {
                moveEntity(Integer.numberOfTrailingZeros(slots));
            }
            r += touchPlayer();
        }
        spawnTimer--;
        moveTimer--;
        if (ramping && (spawnSpeed > 1 || moveSpeed > 1)) {
            rampDifficulty();
        }
        return r;
    }

    /** Moves the player by the action with ordinal {@code o} and redraws it. */
    private void movePlayer(int o) {
        put(PLAYER, playerY, playerX, false);
        playerX = Math.min(MAX_X[o], Math.max(MIN_X[o], playerX + DX[o]));
        playerY = Math.min(MAX_Y[o], Math.max(MIN_Y[o], playerY + DY[o]));
        put(PLAYER, playerY, playerX, true);
    }

    /** Moves the entity in {@code slot} one column and redraws it, or removes it when it leaves the grid. */
    private void moveEntity(int slot) {
        erase(slot);
        int from = entityX[slot];
        int x = from + entityStep[slot];
        entityX[slot] = x;
        if (x >= 0 && x <= SIZE - 1) {
            put(entityPlane[slot], slot + 1, x, true);
            put(TRAIL, slot + 1, from, true);
        } else {
            occupied &= ~(1 << slot);
        }
    }

    /** Collides the entity on the player's cell, if any (the player stays in rows 1..8, so the slot exists). */
    private int touchPlayer() {
        int slot = playerY - 1;
        if ((occupied >>> slot & 1) != 0 && entityX[slot] == playerX) {
            return collide(slot);
        }
        return 0;
    }

    /** Gold is collected for +1; an enemy ends the game (the enemy stays on the board). */
    private int collide(int slot) {
        if (entityPlane[slot] == GOLD) {
            erase(slot);
            occupied &= ~(1 << slot);
            return 1;
        }
        terminal = true;
        return 0;
    }

    /** Every {@link #RAMP_INTERVAL} + 1 frames: spawning speeds up, and movement on every second ramp. */
    private void rampDifficulty() {
        if (rampTimer >= 0) {
            rampTimer--;
            return;
        }
        if (moveSpeed > 1 && rampIndex % 2 == 1) {
            moveSpeed--;
        }
        if (spawnSpeed > 1) {
            spawnSpeed--;
        }
        rampIndex++;
        rampTimer = RAMP_INTERVAL;
    }

    /** {@code _spawn_entity}: direction and kind are drawn first, then a uniformly chosen free row, if any. */
    private void spawnEntity() {
        boolean lr = rng.nextDouble() < 0.5;
        boolean isGold = rng.nextDouble() < GOLD_PROBABILITY;
        int free = ~occupied & ALL_SLOTS;
        if (free == 0) {
            return;
        }
        int slot = nthSetBit(free, rng.nextInt(Integer.bitCount(free)));
        place(slot, lr ? 0 : SIZE - 1, lr ? 1 : -1, isGold ? GOLD : ENEMY);
    }

    /** The position of the {@code n}-th lowest set bit of {@code bits}, from 0 (MinAtar lists free rows in order). */
    private static int nthSetBit(int bits, int n) {
        for (int i = 0; i < n; i++) {
            bits &= bits - 1;
        }
        return Integer.numberOfTrailingZeros(bits);
    }

    /** Puts an entity into free {@code slot} and draws it: at {@code x}, moving by {@code step}, on {@code plane}. */
    void place(int slot, int x, int step, int plane) {
        occupied |= 1 << slot;
        entityX[slot] = x;
        entityStep[slot] = step;
        entityPlane[slot] = plane;
        draw(slot);
    }

    /** Sets the cells of the entity in {@code slot}: its own and its trail's, unless the trail is off the grid. */
    private void draw(int slot) {
        int x = entityX[slot];
        put(entityPlane[slot], slot + 1, x, true);
        int back = x - entityStep[slot];
        if (back >= 0 && back <= SIZE - 1) {
            put(TRAIL, slot + 1, back, true);
        }
    }

    /**
     * Clears the cells of the entity in {@code slot}. A trail off the grid (an entity that has not moved yet) is
     * clamped onto the entity's own column, whose trail cell is always clear: a row holds one entity, and its trail
     * is never under it.
     */
    private void erase(int slot) {
        int x = entityX[slot];
        put(entityPlane[slot], slot + 1, x, false);
        put(TRAIL, slot + 1, Math.max(0, Math.min(SIZE - 1, x - entityStep[slot])), false);
    }

    @Override
    public int difficultyRamp() {
        return rampIndex;
    }

    @Override
    protected void writeState() {
        for (int c = 0; c < CHANNELS.size(); c++) {
            clearPlane(c);
        }
        put(PLAYER, playerY, playerX, true);
        for (int slots = occupied; slots != 0; slots &= slots - 1) {
            draw(Integer.numberOfTrailingZeros(slots));
        }
    }

    /** Nothing: {@link #act} has already redrawn every cell that it changed. */
    @Override
    protected void writeStepState() {
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
        occupied = o.occupied;
        System.arraycopy(o.entityX, 0, entityX, 0, SLOTS);
        System.arraycopy(o.entityStep, 0, entityStep, 0, SLOTS);
        System.arraycopy(o.entityPlane, 0, entityPlane, 0, SLOTS);
    }

    @Override
    protected Asterix blank() {
        return new Asterix();
    }
}
