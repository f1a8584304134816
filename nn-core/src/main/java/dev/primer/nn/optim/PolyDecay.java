package dev.primer.nn.optim;

import java.util.Objects;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.shade.jackson.annotation.JsonCreator;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * lr·(1 − t/steps)^power, then 0 (DL4J's own PolySchedule computes (1 + t/steps)^power, which grows).
 */
public final class PolyDecay implements ISchedule {
    private static final long serialVersionUID = 1L;
    private final double initial;
    private final double power;
    private final int steps;


    /** Decays from {@code initial} to 0 over {@code steps} updates with exponent {@code power}. */
    @JsonCreator
    public PolyDecay(@JsonProperty("initial") double initial, @JsonProperty("power") double power,
                     @JsonProperty("steps") int steps) {
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be >= 1, got " + steps);
        }
        this.initial = initial;
        this.power = power;
        this.steps = steps;
    }

    /** Rate at step 0. */
    public double getInitial() {
        return initial;
    }

    /** Exponent of the decay. */
    public double getPower() {
        return power;
    }

    /** Steps until the rate reaches 0. */
    public int getSteps() {
        return steps;
    }

    @Override
    public double valueAt(int iteration, int epoch) {
        return iteration >= steps ? 0 : initial * Math.pow(1 - (double) iteration / steps, power);
    }

    @Override
    public ISchedule clone() {
        return new PolyDecay(initial, power, steps);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PolyDecay p && p.initial == initial && p.power == power && p.steps == steps;
    }

    @Override
    public int hashCode() {
        return Objects.hash(initial, power, steps);
    }
}
