package dev.primer.nn.optim;

import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.Shape;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.GradientUpdater;

/**
 * The per-parameter-block half of a {@link ScheduledUpdater}: named state arrays that are views into
 * DL4J's flat updater state, zeroed on initialisation.
 */
abstract class StatefulUpdater<C extends ScheduledUpdater> implements GradientUpdater<C> {
    private final C config;
    private final String[] names;
    private final INDArray[] state;

    StatefulUpdater(C config, String... names) {
        this.config = config;
        this.names = names;
        this.state = new INDArray[names.length];
    }

    /** State array {@code i}, shaped like the gradient. */
    final INDArray state(int i) {
        return state[i];
    }

    @Override
    public final C getConfig() {
        return config;
    }

    @Override
    public final void setState(Map<String, INDArray> map, boolean initialize) {
        for (int i = 0; i < names.length; i++) {
            state[i] = map.get(names[i]);
            if (initialize) {
                state[i].assign(0);
            }
        }
    }

    @Override
    public final Map<String, INDArray> getState() {
        Map<String, INDArray> map = new LinkedHashMap<>();
        for (int i = 0; i < names.length; i++) {
            map.put(names[i], state[i]);
        }
        return map;
    }

    @Override
    public final void setStateViewArray(INDArray view, long[] gradientShape, char order, boolean initialize) {
        if (initialize) {
            view.assign(0);
        }
        long n = view.length() / names.length;
        INDArray flat = view.reshape(view.length());
        for (int i = 0; i < names.length; i++) {
            state[i] = Shape.newShapeNoCopy(flat.get(NDArrayIndex.interval(i * n, (i + 1) * n)), gradientShape,
                    order == 'f');
        }
    }
}
