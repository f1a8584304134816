package dev.primer.mcts.go;

import java.util.Arrays;

/**
 * Weights of the linear-softmax rollout policy (AlphaGo's fast rollout, Silver et al. 2016, Methods): the logit of a
 * move is the sum of the weights of its {@link RolloutFeature}s, the weight of its 3x3 neighbourhood code as the
 * player to move sees it ({@link Pattern3x3#relativeCode}), and, next to the last move, the weight of that code as a
 * response (AlphaGo's response patterns, here on the candidate's own 3x3 neighbourhood).
 *
 * @param features  one weight per {@link RolloutFeature}, by ordinal
 * @param patterns  one weight per relative {@link Pattern3x3} code
 * @param responses one weight per relative code, for moves among the 8 points around the last move
 */
public record RolloutWeights(float[] features, float[] patterns, float[] responses) {
    /** Checks lengths. */
    public RolloutWeights {
        if (features.length != RolloutFeature.values().length || patterns.length != Pattern3x3.CODES
                || responses.length != Pattern3x3.CODES) {
            throw new IllegalArgumentException("need " + RolloutFeature.values().length + " feature, "
                    + Pattern3x3.CODES + " pattern and " + Pattern3x3.CODES + " response weights");
        }
    }

    /** Hand-set weights until trained ones exist: captures and escapes strong, MoGo patterns and locality mild, self-atari shunned. */
    public static RolloutWeights defaults() {
        float[] f = new float[RolloutFeature.values().length];
        f[RolloutFeature.CAPTURE.ordinal()] = 3f;
        f[RolloutFeature.ATARI_ESCAPE.ordinal()] = 3f;
        f[RolloutFeature.SELF_ATARI.ordinal()] = -3f;
        f[RolloutFeature.NEAR_LAST_MOVE.ordinal()] = 1f;
        f[RolloutFeature.MOGO_PATTERN.ordinal()] = 1.5f;
        return new RolloutWeights(f, new float[Pattern3x3.CODES], new float[Pattern3x3.CODES]);
    }

    /** Returns the weight of feature {@code f}. */
    public float weight(RolloutFeature f) {
        return features[f.ordinal()];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RolloutWeights w && Arrays.equals(features, w.features) && Arrays.equals(patterns, w.patterns)
                && Arrays.equals(responses, w.responses);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(features) + Arrays.hashCode(patterns)) + Arrays.hashCode(responses);
    }

    @Override
    public String toString() {
        return "RolloutWeights" + Arrays.toString(features);
    }
}
