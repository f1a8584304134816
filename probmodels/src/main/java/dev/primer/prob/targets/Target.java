package dev.primer.prob.targets;

import dev.primer.prob.LogDensity;

/** A test density whose first two moments are known exactly: the answers known-answer tests compare against. */
public interface Target extends LogDensity {
    /** E[x], per coordinate. */
    double[] mean();

    /** Var[x], per coordinate. */
    double[] variance();
}
