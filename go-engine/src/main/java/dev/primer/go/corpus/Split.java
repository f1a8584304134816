package dev.primer.go.corpus;

/** A game-disjoint split of a corpus, fixed by a hash of each game's moves: 90% train, 5% validation, 5% test. */
public enum Split {
    TRAIN, VALIDATION, TEST;

    /** Percent of games in the training split. */
    private static final int TRAIN_PERCENT = 90;
    /** Percent of games in the training and validation splits together. */
    private static final int TRAIN_AND_VALIDATION_PERCENT = 95;

    /** Returns the split of {@code game}: a function of its size and moves alone. */
    public static Split of(GameRecord game) {
        // the top bits of FNV-1a mix better than its low ones
        int bucket = (int) Long.remainderUnsigned(game.movesHash() >>> 16, 100);
        return bucket < TRAIN_PERCENT ? TRAIN : bucket < TRAIN_AND_VALIDATION_PERCENT ? VALIDATION : TEST;
    }
}
