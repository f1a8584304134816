package dev.primer.nn.bench;

import dev.primer.nn.Net;
import dev.primer.nn.Networks;
import dev.primer.nn.Networks.ImageShape;
import dev.primer.nn.Networks.TowerSpec;
import dev.primer.nn.optim.LearningRate;
import dev.primer.nn.optim.Optimizer;
import dev.primer.nn.optim.Updates;
import dev.primer.random.SplitMix64;
import java.util.Locale;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The reference workloads, defined exactly so other frameworks can run the same nets
 * (nn-core/bench/torch_reference.py is the PyTorch twin).
 */
public enum Workload {
    /** 784-256-256-10 ReLU, softmax cross-entropy, Adam 1e-3. */
    MLP,
    /** 1x28x28 → conv3x3 32 → pool → conv3x3 64 → pool → dense 128 → 10; Adam 1e-3. */
    CONVNET,
    /** 8x9x9 → 64-filter stem + 6 residual blocks → policy 82 / value 1; SGD momentum 0.9, lr 0.01, L2 1e-4. */
    RESNET9,
    /**
     * The SL policy tower (rl's {@code SlPolicy.Config.full()}): 21x9x9 (go-engine's input planes) → 64-filter stem +
     * 6 residual blocks → policy 82 alone; Adam 1e-3, L2 1e-4.
     */
    POLICY;

    /** Input planes of the policy tower: go-engine's {@code Plane.COUNT}, which nn-core cannot import. */
    private static final int POLICY_PLANES = 21;

    /** Parses a workload name such as {@code convnet}. */
    public static Workload parse(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }

    /** Lower-case name used on the command line and in JSON. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** A freshly initialised network of this workload. */
    public Net build(long seed) {
        return switch (this) {
            case MLP -> Net.of(Networks.mlp(784, new int[] {256, 256}, 10, Updates.adam(1e-3), seed));
            case CONVNET -> Net.of(Networks.convnet(new ImageShape(1, 28, 28), 10, Updates.adam(1e-3), seed));
            case RESNET9 -> Net.of(Networks.residualTower(TowerSpec.resnet9(),
                    new Updates(Optimizer.momentum(0.9), LearningRate.constant(0.01), 1e-4, 0), seed));
            case POLICY -> Net.of(Networks.residualTower(TowerSpec.policy(POLICY_PLANES, 9, 64, 6),
                    new Updates(Optimizer.adam(), LearningRate.constant(1e-3), 1e-4, 0), seed));
        };
    }

    /** A random batch of the workload's input and target shapes. */
    public MultiDataSet randomBatch(int batch, SplitMix64 rng) {
        Nd4j.getRandom().setSeed(rng.nextLong());
        return switch (this) {
            case MLP -> new MultiDataSet(Nd4j.rand(DataType.FLOAT, batch, 784), oneHot(batch, 10, rng));
            case CONVNET -> new MultiDataSet(Nd4j.rand(DataType.FLOAT, batch, 1, 28, 28), oneHot(batch, 10, rng));
            case RESNET9 -> new MultiDataSet(new INDArray[] {Nd4j.rand(DataType.FLOAT, batch, 8, 9, 9)},
                    new INDArray[] {oneHot(batch, 82, rng), Nd4j.rand(DataType.FLOAT, batch, 1).muli(2).subi(1)});
            case POLICY -> new MultiDataSet(Nd4j.rand(DataType.FLOAT, batch, POLICY_PLANES, 9, 9), oneHot(batch, 82, rng));
        };
    }

    private static INDArray oneHot(int batch, int classes, SplitMix64 rng) {
        INDArray y = Nd4j.zeros(DataType.FLOAT, batch, classes);
        for (int i = 0; i < batch; i++) {
            y.putScalar(i, rng.nextIntModulo(classes), 1);
        }
        return y;
    }
}
