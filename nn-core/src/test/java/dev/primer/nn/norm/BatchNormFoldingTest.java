package dev.primer.nn.norm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primer.nn.Net;
import dev.primer.nn.Networks;
import dev.primer.nn.Networks.BatchNorm;
import dev.primer.nn.Networks.TowerSpec;
import dev.primer.nn.optim.LearningRate;
import dev.primer.nn.optim.Optimizer;
import dev.primer.nn.optim.Updates;
import java.util.Arrays;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Folded inference graphs give the trained graph's inference outputs, with no batch norm left in them. */
class BatchNormFoldingTest {
    private static final TowerSpec SPEC = new TowerSpec(4, 5, 8, 2, 26, 6, Networks.TowerHeads.POLICY_AND_VALUE);

    @ParameterizedTest
    @EnumSource(BatchNorm.class)
    void foldedTowerGivesTheTrainedTowersOutputs(BatchNorm bn) {
        ComputationGraph tower = trainedTower(bn);
        INDArray x = Nd4j.rand(DataType.FLOAT, 16, 4, 5, 5);
        INDArray policy = Nd4j.zeros(DataType.FLOAT, 16, 26);
        INDArray value = Nd4j.zeros(DataType.FLOAT, 16, 1);
        INDArray probe = Nd4j.rand(DataType.FLOAT, 5, 4, 5, 5).muli(2);
        INDArray[] before = tower.output(false, probe);
        ComputationGraph folded = BatchNormFolding.fold(tower);
        INDArray[] out = folded.output(false, probe);
        for (int k = 0; k < before.length; k++) {
            double err = out[k].sub(before[k]).amaxNumber().doubleValue();
            assertTrue(err < 1e-4, "output " + k + " differs by " + err);
        }
        assertFalse(Arrays.stream(folded.getLayers()).anyMatch(l -> l.conf().getLayer()
                instanceof org.deeplearning4j.nn.conf.layers.BatchNormalization), "a batch norm is left");
        int relus = bn == BatchNorm.FUSED ? 0 : SPEC.blocks() + 3;
        assertEquals(tower.getLayers().length - (2 * SPEC.blocks() + 3) - relus, folded.getLayers().length,
                "every batch norm and every ReLU right after one is gone");
        assertEquals(before[0], tower.output(false, probe)[0], "folding left the trained graph as it was");
        tower.fit(new INDArray[] {x}, new INDArray[] {policy, value});
        assertEquals(out[0], folded.output(false, probe)[0], "the folded graph holds copies of the parameters");
    }

    @Test
    void forInferenceFoldsGraphsAndPassesOtherNetsThrough() {
        Net seq = Net.of(Networks.mlp(3, new int[] {4}, 2, Updates.adam(1e-3), 1));
        assertSame(seq, BatchNormFolding.forInference(seq));
        Net graph = Net.of(Networks.residualTower(SPEC, Updates.adam(1e-3), 1));
        Net folded = BatchNormFolding.forInference(graph);
        assertTrue(folded instanceof Net.Graph g && g.net() != ((Net.Graph) graph).net());
    }

    /** The test tower with {@code bn}'s batch norm after 20 Adam steps on a fixed batch (running statistics moved). */
    static ComputationGraph trainedTower(BatchNorm bn) {
        ComputationGraph tower = Networks.residualTower(SPEC,
                new Updates(Optimizer.adam(), LearningRate.constant(3e-2), 0, 0), 7, bn);
        Nd4j.getRandom().setSeed(8);
        INDArray x = Nd4j.rand(DataType.FLOAT, 16, 4, 5, 5);
        INDArray policy = Nd4j.zeros(DataType.FLOAT, 16, 26);
        for (int i = 0; i < 16; i++) {
            policy.putScalar(i, (5 * i) % 26, 1);
        }
        INDArray value = Nd4j.rand(DataType.FLOAT, 16, 1).subi(0.5);
        for (int i = 0; i < 20; i++) {
            tower.fit(new INDArray[] {x.mul(1 + i % 3)}, new INDArray[] {policy, value});
        }
        return tower;
    }
}
