package dev.primer.go;

/**
 * A rule set: the ko rule and whether suicide is allowed. Scoring is area scoring (stones plus surrounded
 * empty points) in every preset; komi belongs to the game.
 *
 * @param ko             which repetitions are forbidden
 * @param suicideAllowed whether a move may leave its own chain without liberties (the chain is then removed)
 */
public record Rules(KoRule ko, boolean suicideAllowed) {
    /** Tromp-Taylor: positional superko, suicide allowed (https://tromp.github.io/go.html, rules 5-7). */
    public static final Rules TROMP_TAYLOR = new Rules(KoRule.POSITIONAL, true);
    /** Chinese: positional superko, suicide forbidden. */
    public static final Rules CHINESE = new Rules(KoRule.POSITIONAL, false);
    /** GNU Go's default and the playout rules: simple ko, suicide forbidden. */
    public static final Rules SIMPLE_KO = new Rules(KoRule.SIMPLE, false);

    /** Returns the name SGF's RU property records: "Chinese", "Tromp-Taylor", else the rules spelled out. */
    public String sgfName() {
        if (equals(CHINESE)) {
            return "Chinese";
        }
        if (equals(TROMP_TAYLOR)) {
            return "Tromp-Taylor";
        }
        return switch (ko) {
            case SIMPLE -> "simple ko";
            case POSITIONAL -> "positional superko";
            case SITUATIONAL -> "situational superko";
        } + ", suicide " + (suicideAllowed ? "allowed" : "forbidden");
    }
}
