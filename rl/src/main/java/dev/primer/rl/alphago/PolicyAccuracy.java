package dev.primer.rl.alphago;

import dev.primer.go.corpus.PositionSet;
import dev.primer.go.features.Plane;
import dev.primer.go.features.Symmetry;
import dev.primer.nn.Net;
import java.util.Locale;
import org.nd4j.linalg.factory.Nd4j;

/**
 * How well a policy network predicts the expert: over every position, the network's distribution restricted to the
 * legal moves (the {@link Plane#LEGAL} plane, and pass) and renormalised; top-1 and top-3 hit rates and the mean
 * negative log-likelihood of the expert's move, in nats. With {@code averageSymmetries} the distribution is the mean of
 * the 8 symmetric views, each mapped back to the board.
 *
 * @param positions positions scored
 * @param top1      fraction whose expert move is the most likely legal move (a tie counts as a miss)
 * @param top3      fraction whose expert move is among the 3 most likely legal moves (ties count against it)
 * @param nll       mean -log p(expert move)
 */
public record PolicyAccuracy(int positions, double top1, double top3, double nll) {
    /** Floor on a probability before its log, so a move the net rules out costs 16 nats, not infinity. */
    private static final double MIN_PROBABILITY = 1e-7;
    private static final int BATCH = 128;

    /** Scores {@code net} (one "planes" input, first output the move distribution) on every position of {@code set}. */
    public static PolicyAccuracy of(Net net, PositionSet set, boolean averageSymmetries) {
        int n = set.count();
        if (n == 0) {
            return new PolicyAccuracy(0, Double.NaN, Double.NaN, Double.NaN);
        }
        int size = set.boardSize();
        int area = size * size;
        int moves = area + 1;
        int stride = Plane.COUNT * area;
        int hits1 = 0;
        int hits3 = 0;
        double nll = 0;
        for (int start = 0; start < n; start += BATCH) {
            int b = Math.min(BATCH, n - start);
            float[] x = new float[b * stride];
            for (int i = 0; i < b; i++) {
                set.planesInto(start + i, Symmetry.IDENTITY, x, i * stride);
            }
            float[] p = averageSymmetries ? SymmetricPolicy.average(net, x, b, size)
                    : net.output(Nd4j.create(x, new long[] {b, Plane.COUNT, size, size}, 'c'))[0]
                    .reshape((long) b * moves).toFloatVector();
            for (int i = 0; i < b; i++) {
                int legalBase = i * stride + Plane.LEGAL.ordinal() * area;
                double total = 0;
                for (int k = 0; k < moves; k++) {
                    if (k < area && x[legalBase + k] == 0f) {
                        p[i * moves + k] = 0;
                    }
                    total += p[i * moves + k];
                }
                int expert = set.move(start + i, Symmetry.IDENTITY);
                double pe = total > 0 ? p[i * moves + expert] / total : 0;
                int better = 0;
                for (int k = 0; k < moves; k++) {
                    double pk = p[i * moves + k];
                    // a tie ranks the expert's move last among equals: ties never count as hits
                    if (k != expert && pk >= p[i * moves + expert]) {
                        better++;
                    }
                }
                hits1 += better == 0 ? 1 : 0;
                hits3 += better < 3 ? 1 : 0;
                nll -= Math.log(Math.max(pe, MIN_PROBABILITY));
            }
        }
        return new PolicyAccuracy(n, (double) hits1 / n, (double) hits3 / n, nll / n);
    }

    /** Returns these figures as one line: positions, top-1, top-3 and NLL. */
    public String line() {
        return String.format(Locale.ROOT, "%d positions: top-1 %.4f, top-3 %.4f, nll %.4f", positions, top1, top3, nll);
    }
}
