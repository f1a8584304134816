package dev.primer.atari.minatar;

/** MinAtar's six actions in its {@code action_map} order {@code ['n','l','u','r','d','f']}. */
public enum MinAtarAction {
    NOOP('n', '.'),
    LEFT('l', 'a'),
    UP('u', 'w'),
    RIGHT('r', 'd'),
    DOWN('d', 's'),
    FIRE('f', ' ');

    private static final MinAtarAction[] ALL = values();

    private final char code;
    private final char key;

    MinAtarAction(char code, char key) {
        this.code = code;
        this.key = key;
    }

    /** The action at MinAtar index {@code i} (0..5), without allocating. */
    public static MinAtarAction of(int i) {
        return ALL[i];
    }

    /** MinAtar's one-letter name. */
    public char code() {
        return code;
    }

    /** The keyboard key a human player uses for this action. */
    public char key() {
        return key;
    }
}
