package dev.primer.rl.alphago;

import dev.primer.go.corpus.GameCorpus;
import dev.primer.go.corpus.GameRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Consumer;

/**
 * The 9x9 corpus that ships with primer: GNU Go 3.8 level 10 self-play after 4 random opening moves, komi 7, made by
 * {@code primer go corpus} and packed by {@code primer go pack} (the command, seed and counts are in rl/docs/go-corpus.md;
 * the ledger {@code gnugo-l10-9x9.tsv.gz} beside it resumes the generation after {@code primer go unpack}).
 */
public final class ShippedCorpus {
    /** The collection, a class-path resource beside this class. */
    public static final String RESOURCE = "corpus/gnugo-l10-9x9.sgf.gz";
    /** Board size of the corpus. */
    public static final int SIZE = 9;
    /** Random opening moves of every game, left out of training and scoring. */
    public static final int RANDOM_OPENING = 4;

    private ShippedCorpus() {
    }

    /** Returns every game of the shipped corpus; reports each skipped game to {@code skipped}. */
    public static List<GameRecord> games(Consumer<String> skipped) {
        try (InputStream in = ShippedCorpus.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the shipped corpus " + RESOURCE + " is missing from the class path");
            }
            return GameCorpus.read(RESOURCE, in, true, SIZE, skipped);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the shipped corpus " + RESOURCE, e);
        }
    }
}
