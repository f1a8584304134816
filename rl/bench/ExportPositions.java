package dev.primer.rl.alphago;

import dev.primer.go.corpus.GameCorpus;
import dev.primer.go.corpus.GameRecord;
import dev.primer.go.corpus.PositionSet;
import dev.primer.go.features.Plane;
import dev.primer.go.features.Symmetry;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the training, validation-sample and test positions of an SL policy run on a corpus (the split and the
 * opening cut of {@link SlPolicy.Data#of} with the full budget) for {@code sl_twin.py}, the PyTorch twin of the tower:
 * per set, {@code NAME.x} holds each position's planes as bytes (value × 8, {@link Plane#COUNT} × 9 × 9 in order) and
 * {@code NAME.y} the expert's move as a big-endian short. Not part of the build; run from the repository root after a
 * package:
 *
 * <pre>
 * mkdir -p /tmp/twin && javac -d /tmp/twin -cp "rl/target/classes:$(cat experiments/target/classpath.txt)" \
 *     rl/bench/ExportPositions.java
 * java -cp "/tmp/twin:rl/target/classes:$(cat experiments/target/classpath.txt)" \
 *     dev.primer.rl.alphago.ExportPositions CORPUS /tmp/twin
 * </pre>
 */
public final class ExportPositions {
    private ExportPositions() {
    }

    /** Arguments: the corpus (a directory of SGFs or a .sgf.gz pack), the output directory. */
    public static void main(String[] args) throws IOException {
        List<GameRecord> games = GameCorpus.read(Path.of(args[0]), 9, s -> System.err.println("skipped " + s));
        SlPolicy.Data d = SlPolicy.Data.of(SlPolicy.Config.full().withSkipOpening(4), games);
        Path out = Files.createDirectories(Path.of(args[1]));
        write(d.train(), out.resolve("train"));
        write(d.validationSample(), out.resolve("val"));
        write(d.test(), out.resolve("test"));
        System.out.printf("train %d, validation sample %d, test %d positions%n", d.train().count(),
                d.validationSample().count(), d.test().count());
    }

    private static void write(PositionSet set, Path prefix) throws IOException {
        float[] planes = new float[Plane.COUNT * 81];
        try (var x = new BufferedOutputStream(Files.newOutputStream(Path.of(prefix + ".x")));
             var y = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(Path.of(prefix + ".y"))))) {
            for (int i = 0; i < set.count(); i++) {
                set.planesInto(i, Symmetry.IDENTITY, planes, 0);
                for (float v : planes) {
                    x.write(Math.round(v * 8));
                }
                y.writeShort(set.move(i, Symmetry.IDENTITY));
            }
        }
    }
}
