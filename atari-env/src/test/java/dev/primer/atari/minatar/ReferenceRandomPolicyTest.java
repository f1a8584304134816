package dev.primer.atari.minatar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primer.atari.Envs;
import dev.primer.atari.core.Environment;
import dev.primer.atari.core.Step;
import dev.primer.random.SplitMix64;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Random-policy statistics against the reference implementation.
 *
 * <p>Reference figures: kenjyoung/MinAtar's game code (minatar/environments/*.py, sticky actions as in
 * minatar/environment.py with sticky_action_prob 0.1, ramping on, uniform over all 6 actions as in
 * examples/random_play.py), run with numpy.random.RandomState(1): 2000 episodes (Freeway 300).
 * <pre>
 * game            return mean (std)   length mean (std)   returns histogram
 * breakout        0.5125 (0.7306)     11.23 (7.61)        0:1195 1:636 2:129 3:31 4:7 5:2
 * space_invaders  2.7985 (2.3347)     50.30 (38.51)       0:169 1:493 2:466 3:292 4:222 5:132 6:88 7:51 8:31 9:20 10+:37
 * asterix         0.5060 (0.8444)     70.81 (45.45)       0:1313 1:463 2:151 3:53 4+:20
 * seaquest        0.0955 (0.3625)     30.53 (36.93)       0:1847 1:120 2+:33
 * freeway         0.1267 (0.3794)     2501  (0)           0:267 1+:33
 * </pre>
 * The tests require the same return histogram (two-sample chi-square, p > 1e-4) and the same mean length
 * (|z| < 4 with both samples' standard errors).
 */
class ReferenceRandomPolicyTest {

    private record Reference(int episodes, double meanLength, double stdLength, int[] returnHistogram) {
    }

    private static final Map<String, Reference> REFERENCE = Map.of(
            "breakout", new Reference(2000, 11.23, 7.61, new int[] {1195, 636, 129, 40}),
            "space_invaders", new Reference(2000, 50.30, 38.51,
                    new int[] {169, 493, 466, 292, 222, 132, 88, 51, 31, 20, 37}),
            "asterix", new Reference(2000, 70.81, 45.45, new int[] {1313, 463, 151, 53, 20}),
            "seaquest", new Reference(2000, 30.53, 36.93, new int[] {1847, 120, 33}),
            "freeway", new Reference(300, 2501, 0, new int[] {267, 33}));

    /** The 1 - 1e-4 quantile of the standard normal. */
    private static final double Z_1E4 = 3.719;

    @ParameterizedTest
    @ValueSource(strings = {"breakout", "space_invaders", "asterix", "seaquest", "freeway"})
    void randomPolicyMatchesTheReference(String game) {
        Reference ref = REFERENCE.get(game);
        int episodes = game.equals("freeway") ? 1000 : 4000;
        int[] histogram = new int[ref.returnHistogram().length];
        double sumL = 0, sumL2 = 0;
        @SuppressWarnings("unchecked")
        Environment<boolean[], Integer> env = (Environment<boolean[], Integer>) Envs.make(game, 0.1);
        SplitMix64 policy = SplitMix64.seeded(2024);
        env.reset(2024);
        for (int e = 0; e < episodes; e++) {
            if (e > 0) {
                env.reset();
            }
            int ret = 0, length = 0;
            Step<boolean[]> s;
            do {
                s = env.step(policy.nextInt(6));
                ret += (int) s.reward();
                length++;
            } while (!s.done());
            histogram[Math.min(ret, histogram.length - 1)]++;
            sumL += length;
            sumL2 += (double) length * length;
        }
        double meanL = sumL / episodes;
        double stdL = Math.sqrt(Math.max(0, sumL2 / episodes - meanL * meanL));
        if (ref.stdLength() == 0) {
            assertEquals(ref.meanLength(), meanL);
            assertEquals(0.0, stdL);
        } else {
            double se = Math.sqrt(stdL * stdL / episodes + ref.stdLength() * ref.stdLength() / ref.episodes());
            double z = (meanL - ref.meanLength()) / se;
            assertTrue(Math.abs(z) < 4, game + ": mean length " + meanL + " vs reference " + ref.meanLength()
                    + " (z = " + z + ")");
        }
        double chi2 = chiSquareTwoSample(ref.returnHistogram(), histogram);
        int df = histogram.length - 1;
        assertTrue(chi2 < chiSquareQuantile(df, Z_1E4), game + ": return histogram "
                + java.util.Arrays.toString(histogram) + " differs from the reference's "
                + java.util.Arrays.toString(ref.returnHistogram()) + " (chi2 = " + chi2 + ", df = " + df + ")");
    }

    /** The chi-square homogeneity statistic for two histograms of different totals. */
    static double chiSquareTwoSample(int[] a, int[] b) {
        double n1 = java.util.Arrays.stream(a).sum();
        double n2 = java.util.Arrays.stream(b).sum();
        double k1 = Math.sqrt(n2 / n1), k2 = Math.sqrt(n1 / n2);
        double chi2 = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] + b[i] > 0) {
                double d = k1 * a[i] - k2 * b[i];
                chi2 += d * d / (a[i] + b[i]);
            }
        }
        return chi2;
    }

    /** Wilson-Hilferty approximation of the chi-square quantile with {@code df} degrees of freedom at normal z. */
    static double chiSquareQuantile(int df, double z) {
        double c = 2.0 / (9 * df);
        return df * Math.pow(1 - c + z * Math.sqrt(c), 3);
    }
}
