package dev.primer.rl.alphago;

import dev.primer.go.features.Plane;
import dev.primer.nn.Net;
import dev.primer.random.SplitMix64;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Side-by-side timing of one REINFORCE step of the shipped SL tower on the same self-play positions: the step before
 * issue #18's chunked one (an inference pass over all positions, then one fit on labels (1 − z)·p + z·y) against
 * {@link RlTraining#step}, alternated. Not part of the build; run from the repository root after a package:
 *
 * <pre>
 * mkdir -p /tmp/rlbench && javac -d /tmp/rlbench -cp "rl/target/classes:$(cat experiments/target/classpath.txt)" \
 *     rl/bench/RlStepBench.java
 * OMP_NUM_THREADS=1 java -Xmx2g -cp "/tmp/rlbench:rl/target/classes:$(cat experiments/target/classpath.txt)" \
 *     dev.primer.rl.alphago.RlStepBench 16 2
 * </pre>
 */
public final class RlStepBench {
    private RlStepBench() {
    }

    /** Arguments: games per step, rounds (each times both steps, in alternating order). */
    public static void main(String[] args) throws Exception {
        int games = Integer.parseInt(args[0]);
        int rounds = Integer.parseInt(args[1]);
        int size = 9;
        int stride = Plane.COUNT * size * size;
        Net sl = SlPolicy.load(SlPolicy.SHIPPED_NAME);
        List<float[]> planes = new ArrayList<>();
        List<int[]> moves = new ArrayList<>();
        float[] black = SelfPlay.play(games, size, 7, (g, move) -> sl, (g, move, s, x, action) -> {
            if ((g + move) % 2 == 0) {
                planes.add(x);
                moves.add(new int[] {g, action});
            }
        }, new SplitMix64(1));
        int n = planes.size();
        float[] x = new float[n * stride];
        int[] actions = new int[n];
        float[] z = new float[n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(planes.get(i), 0, x, i * stride, stride);
            int g = moves.get(i)[0];
            actions[i] = moves.get(i)[1];
            z[i] = 2 * (g % 2 == 0 ? black[g] : 1 - black[g]) - 1;
        }
        System.out.printf("%d games, %d positions%n", games, n);
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        for (int r = 0; r < rounds; r++) {
            for (int k = 0; k < 2; k++) {
                boolean chunked = (r + k) % 2 == 1;
                Net net = SlPolicy.load(SlPolicy.SHIPPED_NAME);
                ((ComputationGraph) net.model()).setLearningRate(1e-4);
                long c0 = cpu.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                if (chunked) {
                    RlTraining.step(net, x, actions, z, size, RlTraining.CHUNK);
                } else {
                    previousStep(net, x, actions, z, size);
                }
                System.out.printf("round %d %-8s wall %.1f s, thread cpu %.1f s%n", r, chunked ? "chunked" : "previous",
                        (System.nanoTime() - t0) / 1e9, (cpu.getCurrentThreadCpuTime() - c0) / 1e9);
            }
        }
    }

    /** The step as it was before: p from an inference pass over all n positions, then one fit of all of them. */
    private static void previousStep(Net net, float[] planes, int[] actions, float[] z, int size) {
        int n = actions.length;
        int outputs = size * size + 1;
        var x = Nd4j.create(planes, new long[] {n, Plane.COUNT, size, size}, 'c');
        float[] p = net.output(x)[0].reshape((long) n * outputs).toFloatVector();
        float[] labels = new float[n * outputs];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < outputs; k++) {
                labels[i * outputs + k] = (1 - z[i]) * p[i * outputs + k];
            }
            labels[i * outputs + actions[i]] += z[i];
        }
        net.fit(new DataSet(x, Nd4j.create(labels, new long[] {n, outputs}, 'c')));
    }
}
