package dev.primer.bench;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.spark.impl.multilayer.SparkDl4jMultiLayer;
import org.deeplearning4j.spark.impl.paramavg.ParameterAveragingTrainingMaster;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Does dl4j-spark 1.0.0-M2 (the newest served) train against the pinned DL4J core 1.0.0-M2.1 on Spark 3.5.7? A
 * two-layer net learns "x0 > 0.5" from 64 batches of 16 on local[2] with the parameter-averaging training master
 * (averaging every 4 batches); prints the score after each epoch and the accuracy.
 */
public final class Dl4jSparkCheck {
    private Dl4jSparkCheck() {
    }

    /** Runs the check. */
    public static void main(String[] args) {
        JavaSparkContext sc = new JavaSparkContext(new SparkConf().setMaster("local[2]").setAppName("check"));
        List<DataSet> data = new ArrayList<>();
        Nd4j.getRandom().setSeed(1);
        for (int i = 0; i < 64; i++) {
            var x = Nd4j.rand(16, 4);
            var y = Nd4j.zeros(16, 2);
            for (int r = 0; r < 16; r++) {
                y.putScalar(r, x.getDouble(r, 0) > 0.5 ? 1 : 0, 1.0);
            }
            data.add(new DataSet(x, y));
        }
        JavaRDD<DataSet> rdd = sc.parallelize(data, 2);
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(1).updater(new Adam(1e-2)).list()
                .layer(new DenseLayer.Builder().nIn(4).nOut(16).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(16).nOut(2)
                        .activation(Activation.SOFTMAX).build()).build();
        ParameterAveragingTrainingMaster tm = new ParameterAveragingTrainingMaster.Builder(16)
                .averagingFrequency(4).workerPrefetchNumBatches(0).batchSizePerWorker(16).build();
        SparkDl4jMultiLayer net = new SparkDl4jMultiLayer(sc, conf, tm);
        for (int e = 0; e < 5; e++) {
            net.fit(rdd);
            System.out.println("epoch " + e + " score " + net.getScore());
        }
        System.out.println("accuracy " + net.evaluate(rdd).accuracy());
        sc.close();
    }
}
