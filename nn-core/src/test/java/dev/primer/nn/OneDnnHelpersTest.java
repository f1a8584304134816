package dev.primer.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primer.nn.Networks.ImageShape;
import dev.primer.nn.Networks.TowerSpec;
import dev.primer.nn.optim.Updates;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.layers.mkldnn.MKLDNNBatchNormHelper;
import org.deeplearning4j.nn.layers.mkldnn.MKLDNNConvHelper;
import org.deeplearning4j.nn.layers.mkldnn.MKLDNNSubsamplingHelper;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Proves oneDNN layer helpers are really attached, and that they compute what the plain DL4J path computes. */
class OneDnnHelpersTest {
    @BeforeAll
    static void init() {
        Backend.init();
    }

    @Test
    void backendReportsOneDnnAndAKernelSetTheCpuHas() {
        Backend.Info info = Backend.init();
        assertEquals("CPU", info.backend());
        assertTrue(info.oneDnnCompiled(), "libnd4jcpu should be the onednn classifier build: " + info.summary());
        assertTrue(info.oneDnnHelpers(), info.summary());
        if (info.coreTypeSource().startsWith("chosen")) {
            assertTrue(info.cpuFlags().contains("avx2"), "a kernel set was chosen for a CPU without AVX2");
        }
    }

    @Test
    void convnetLayersCarryOneDnnHelpers() {
        MultiLayerNetwork net = Networks.convnet(new ImageShape(1, 28, 28), 10, Updates.adam(1e-3), 1);
        net.output(Nd4j.rand(DataType.FLOAT, 2, 1, 28, 28));
        assertInstanceOf(MKLDNNConvHelper.class, net.getLayer(0).getHelper());
        assertInstanceOf(MKLDNNSubsamplingHelper.class, net.getLayer(1).getHelper());
        ComputationGraph tower = Networks.residualTower(TowerSpec.resnet9(), Updates.adam(1e-3), 1,
                Networks.BatchNorm.DL4J);
        assertInstanceOf(MKLDNNBatchNormHelper.class, tower.getLayer("stem_bn").getHelper());
    }

    @Test
    void helpersGiveTheSameTrainingTrajectoryAsThePlainPath() {
        INDArray x = Nd4j.rand(DataType.FLOAT, 16, 1, 28, 28);
        INDArray y = Nd4j.zeros(DataType.FLOAT, 16, 10);
        for (int i = 0; i < 16; i++) {
            y.putScalar(i, i % 10, 1);
        }
        double[] fast = trajectory(x, y, true);
        double[] plain = trajectory(x, y, false);
        assertArrayEquals(plain, fast, 1e-3 * Math.abs(plain[0]), "losses over 5 Adam steps");
    }

    private static double[] trajectory(INDArray x, INDArray y, boolean helpers) {
        String key = Backend.HELPERS_DISABLE;
        String before = System.getProperty(key);
        System.setProperty(key, Boolean.toString(!helpers));
        try {
            MultiLayerNetwork net = Networks.convnet(new ImageShape(1, 28, 28), 10, Updates.adam(1e-3), 42);
            double[] losses = new double[5];
            for (int i = 0; i < losses.length; i++) {
                net.fit(x, y);
                losses[i] = net.score();
            }
            if (helpers) {
                assertInstanceOf(MKLDNNConvHelper.class, net.getLayer(0).getHelper());
            } else {
                assertNull(net.getLayer(0).getHelper());
            }
            assertFalse(Double.isNaN(losses[4]));
            return losses;
        } finally {
            System.setProperty(key, before);
        }
    }
}
