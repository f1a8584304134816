package dev.primer.atari.pixel;

/** The 18 actions of the Atari 2600 joystick in ALE's full-action-set order. */
public enum AleAction {
    NOOP(false, false, false, false, false),
    FIRE(false, false, false, false, true),
    UP(true, false, false, false, false),
    RIGHT(false, false, false, true, false),
    LEFT(false, false, true, false, false),
    DOWN(false, true, false, false, false),
    UPRIGHT(true, false, false, true, false),
    UPLEFT(true, false, true, false, false),
    DOWNRIGHT(false, true, false, true, false),
    DOWNLEFT(false, true, true, false, false),
    UPFIRE(true, false, false, false, true),
    RIGHTFIRE(false, false, false, true, true),
    LEFTFIRE(false, false, true, false, true),
    DOWNFIRE(false, true, false, false, true),
    UPRIGHTFIRE(true, false, false, true, true),
    UPLEFTFIRE(true, false, true, false, true),
    DOWNRIGHTFIRE(false, true, false, true, true),
    DOWNLEFTFIRE(false, true, true, false, true);

    private static final AleAction[] ALL = values();

    private final boolean up, down, left, right, fire;

    AleAction(boolean up, boolean down, boolean left, boolean right, boolean fire) {
        this.up = up;
        this.down = down;
        this.left = left;
        this.right = right;
        this.fire = fire;
    }

    /** The action with ALE index {@code i} (0..17), without allocating. */
    public static AleAction of(int i) {
        return ALL[i];
    }

    /** Joystick pushed up. */
    public boolean up() {
        return up;
    }

    /** Joystick pulled down. */
    public boolean down() {
        return down;
    }

    /** Joystick pushed left. */
    public boolean left() {
        return left;
    }

    /** Joystick pushed right. */
    public boolean right() {
        return right;
    }

    /** Button pressed. */
    public boolean fire() {
        return fire;
    }
}
