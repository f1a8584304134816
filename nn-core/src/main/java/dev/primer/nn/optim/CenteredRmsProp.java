package dev.primer.nn.optim;

import java.util.Map;
import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.Shape;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.shade.jackson.annotation.JsonCreator;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * Centred RMSprop (Graves 2013, eq. 38–40) as in {@code torch.optim.RMSprop(centered=True)}, the
 * optimiser of DQN and MinAtar:
 * {@code n ← α·n + (1−α)·g²;  ḡ ← α·ḡ + (1−α)·g;  θ ← θ − lr·g / (√(n − ḡ²) + ε)}.
 */
public final class CenteredRmsProp implements IUpdater {
    private static final long serialVersionUID = 1L;
    private double learningRate;
    private ISchedule learningRateSchedule;
    private double alpha;
    private double epsilon;


    /** Decay α of both running averages and ε added after the square root (PyTorch's placement). */
    @JsonCreator
    public CenteredRmsProp(@JsonProperty("learningRate") double learningRate,
                           @JsonProperty("learningRateSchedule") ISchedule schedule,
                           @JsonProperty("alpha") double alpha, @JsonProperty("epsilon") double epsilon) {
        this.learningRate = learningRate;
        this.learningRateSchedule = schedule;
        this.alpha = alpha;
        this.epsilon = epsilon;
    }

    /** Base learning rate (used when there is no schedule). */
    public double getLearningRate() {
        return learningRate;
    }

    /** Learning-rate schedule, or null. */
    public ISchedule getLearningRateSchedule() {
        return learningRateSchedule;
    }

    /** Decay α of the running averages. */
    public double getAlpha() {
        return alpha;
    }

    /** ε added after the square root. */
    public double getEpsilon() {
        return epsilon;
    }

    @Override
    public long stateSize(long numParams) {
        return 2 * numParams;
    }

    @Override
    public GradientUpdater instantiate(INDArray viewArray, boolean initialize) {
        long[] gradientShape = viewArray.shape().clone();
        gradientShape[gradientShape.length - 1] /= 2;
        Impl impl = new Impl(this);
        impl.setStateViewArray(viewArray, gradientShape, 'c', initialize);
        return impl;
    }

    @Override
    public GradientUpdater instantiate(Map<String, INDArray> state, boolean initialize) {
        Impl impl = new Impl(this);
        impl.setState(state, initialize);
        return impl;
    }

    @Override
    public double getLearningRate(int iteration, int epoch) {
        return learningRateSchedule == null ? learningRate : learningRateSchedule.valueAt(iteration, epoch);
    }

    @Override
    public boolean hasLearningRate() {
        return true;
    }

    @Override
    public void setLrAndSchedule(double lr, ISchedule schedule) {
        this.learningRate = lr;
        this.learningRateSchedule = schedule;
    }

    @Override
    public CenteredRmsProp clone() {
        return new CenteredRmsProp(learningRate, learningRateSchedule == null ? null : learningRateSchedule.clone(),
                alpha, epsilon);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CenteredRmsProp c && c.learningRate == learningRate && c.alpha == alpha
                && c.epsilon == epsilon && Objects.equals(c.learningRateSchedule, learningRateSchedule);
    }

    @Override
    public int hashCode() {
        return Objects.hash(learningRate, alpha, epsilon, learningRateSchedule);
    }

    private static final class Impl implements GradientUpdater<CenteredRmsProp> {
        private final CenteredRmsProp config;
        private INDArray squareAvg;
        private INDArray gradAvg;

        Impl(CenteredRmsProp config) {
            this.config = config;
        }

        @Override
        public CenteredRmsProp getConfig() {
            return config;
        }

        @Override
        public void setState(Map<String, INDArray> state, boolean initialize) {
            squareAvg = state.get("n");
            gradAvg = state.get("g");
            if (initialize) {
                squareAvg.assign(0);
                gradAvg.assign(0);
            }
        }

        @Override
        public Map<String, INDArray> getState() {
            return Map.of("n", squareAvg, "g", gradAvg);
        }

        @Override
        public void setStateViewArray(INDArray view, long[] gradientShape, char order, boolean initialize) {
            if (initialize) {
                view.assign(0);
            }
            long n = view.length() / 2;
            INDArray flat = view.reshape(view.length());
            squareAvg = Shape.newShapeNoCopy(flat.get(NDArrayIndex.interval(0, n)), gradientShape, order == 'f');
            gradAvg = Shape.newShapeNoCopy(flat.get(NDArrayIndex.interval(n, 2 * n)), gradientShape, order == 'f');
        }

        @Override
        public void applyUpdater(INDArray gradient, int iteration, int epoch) {
            double a = config.alpha;
            squareAvg.muli(a).addi(gradient.mul(gradient).muli(1 - a));
            gradAvg.muli(a).addi(gradient.mul(1 - a));
            INDArray denom = Transforms.sqrt(squareAvg.sub(gradAvg.mul(gradAvg)), false).addi(config.epsilon);
            gradient.divi(denom).muli(config.getLearningRate(iteration, epoch));
        }
    }
}
