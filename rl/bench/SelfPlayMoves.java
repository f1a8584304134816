package dev.primer.rl.alphago;

import dev.primer.go.features.Plane;
import dev.primer.nn.Net;
import dev.primer.nn.norm.BatchNormFolding;
import dev.primer.random.SplitMix64;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Plays GAMES self-play games of the shipped SL policy against itself ({@link SelfPlay#play}, seed 7) and prints, per
 * ten moves of game, the policy's mean probability of pass, the mean log-probability of the moves it sampled and its
 * mean entropy over the 82 outputs, then the games' lengths. Not part of the build; run from the repository root
 * after a package:
 *
 * <pre>
 * mkdir -p /tmp/sp && javac -d /tmp/sp -cp "rl/target/classes:$(cat experiments/target/classpath.txt)" \
 *     rl/bench/SelfPlayMoves.java
 * java -cp "/tmp/sp:rl/target/classes:$(cat experiments/target/classpath.txt)" dev.primer.rl.alphago.SelfPlayMoves 32
 * </pre>
 */
public final class SelfPlayMoves {
    private static final int BUCKET = 10;

    private SelfPlayMoves() {
    }

    /** Args: GAMES. */
    public static void main(String[] args) throws Exception {
        int games = Integer.parseInt(args[0]);
        Net sl = BatchNormFolding.forInference(SlPolicy.load(SlPolicy.SHIPPED_NAME));
        List<float[]> planes = new ArrayList<>();
        List<int[]> moves = new ArrayList<>();
        int[] length = new int[games];
        SelfPlay.play(games, 9, 7, (g, m) -> sl, (g, m, s, x, action) -> {
            planes.add(x);
            moves.add(new int[] {m, action});
            length[g] = m + 1;
        }, new SplitMix64(7));
        int n = planes.size();
        int stride = Plane.COUNT * 81;
        float[] x = new float[n * stride];
        for (int i = 0; i < n; i++) {
            System.arraycopy(planes.get(i), 0, x, i * stride, stride);
        }
        float[] p = sl.output(Nd4j.create(x, new long[] {n, Plane.COUNT, 9, 9}, 'c'))[0].reshape((long) n * 82)
                .toFloatVector();
        int buckets = Arrays.stream(length).max().orElse(0) / BUCKET + 1;
        double[] pass = new double[buckets];
        double[] logp = new double[buckets];
        double[] entropy = new double[buckets];
        int[] count = new int[buckets];
        for (int i = 0; i < n; i++) {
            int b = moves.get(i)[0] / BUCKET;
            pass[b] += p[i * 82 + 81];
            logp[b] += Math.log(p[i * 82 + moves.get(i)[1]]);
            for (int k = 0; k < 82; k++) {
                double q = p[i * 82 + k];
                entropy[b] -= q > 0 ? q * Math.log(q) : 0;
            }
            count[b]++;
        }
        System.out.println("moves    positions  p(pass)  log p(a)  entropy");
        for (int b = 0; b < buckets; b++) {
            if (count[b] > 0) {
                System.out.printf("%3d-%-3d  %9d  %7.3f  %8.3f  %7.3f%n", b * BUCKET, b * BUCKET + BUCKET - 1, count[b],
                        pass[b] / count[b], logp[b] / count[b], entropy[b] / count[b]);
            }
        }
        Arrays.sort(length);
        System.out.printf("game lengths: min %d, median %d, max %d%n", length[0], length[games / 2],
                length[games - 1]);
    }
}
