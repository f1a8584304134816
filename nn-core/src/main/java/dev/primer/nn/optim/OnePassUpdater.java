package dev.primer.nn.optim;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.shade.jackson.annotation.JsonIgnore;

/**
 * A rule whose state is two arrays as long as the parameters, applied as one Java pass over L1-sized chunks of the
 * gradient and both states ({@link FloatViews#chunks}) rather than as a dozen whole-array ops.
 */
abstract class OnePassUpdater extends ScheduledUpdater {
    private static final long serialVersionUID = 1L;
    @JsonIgnore
    private final String first;
    @JsonIgnore
    private final String second;

    /** A rule at {@code learningRate} or {@code schedule} with state arrays named {@code first}, {@code second}. */
    OnePassUpdater(double learningRate, ISchedule schedule, String first, String second) {
        super(learningRate, schedule);
        this.first = first;
        this.second = second;
    }

    /** The loop of the update at this step: turns gradient chunks into update chunks, advancing both states'. */
    abstract FloatViews.ChunkBody pass(int iteration, int epoch);

    @Override
    final int stateArrays() {
        return 2;
    }

    @Override
    final StatefulUpdater<?> newUpdater() {
        return new StatefulUpdater<>(this, first, second) {
            @Override
            public void applyUpdater(INDArray gradient, int iteration, int epoch) {
                FloatViews.ChunkBody body = pass(iteration, epoch);
                FloatViews.update(b -> FloatViews.chunks(b[0], b[1], b[2], body), gradient, state(0), state(1));
            }
        };
    }
}
