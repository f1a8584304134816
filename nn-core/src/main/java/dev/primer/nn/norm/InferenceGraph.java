package dev.primer.nn.norm;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A computation graph whose inference calls (no masks, no output workspace) run as an {@link OpSequence} built once
 * per input shape, and everything else — training, masks, graphs the sequence does not cover — as DL4J runs it.
 * {@link BatchNormFolding#fold} returns one, so every caller of a folded graph gets the sequence.
 */
public class InferenceGraph extends ComputationGraph {
    /** Input shapes kept compiled at once (a search at a few batch sizes, self-play's shrinking batches). */
    private static final int SHAPES = 16;

    private final transient Map<List<Long>, Optional<OpSequence>> sequences =
            new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<List<Long>, Optional<OpSequence>> eldest) {
                    if (size() <= SHAPES) {
                        return false;
                    }
                    eldest.getValue().ifPresent(OpSequence::close);
                    return true;
                }
            };

    /** An uninitialised graph of {@code conf} (call {@code init()}, as for DL4J's). */
    public InferenceGraph(ComputationGraphConfiguration conf) {
        super(conf);
    }

    @Override
    public synchronized INDArray[] output(boolean train, INDArray[] input, INDArray[] inputMasks,
                                          INDArray[] labelMasks, MemoryWorkspace outputWorkspace) {
        Optional<OpSequence> seq = train || inputMasks != null || labelMasks != null || outputWorkspace != null
                ? Optional.empty() : sequence(input);
        return seq.isPresent() ? seq.get().run(input)
                : super.output(train, input, inputMasks, labelMasks, outputWorkspace);
    }

    /**
     * The batch size a sequence is compiled for to serve {@code batch} examples: the smallest of 1, 2, 3, 5, 8, 12, 18,
     * 27, ... (each about 1.5 times the last) that holds them. A caller whose batches shrink one example at a time
     * (self-play as games end) then reuses a few compiled shapes instead of compiling one per call, at most half as
     * many examples again in wasted rows.
     */
    static long paddedBatch(long batch) {
        long n = 1;
        while (n < batch) {
            n = Math.max(n + 1, (n * 3 + 1) / 2);
        }
        return n;
    }

    /** Whether inference on inputs shaped as {@code input} runs as an op sequence rather than through DL4J. */
    public synchronized boolean runsAsSequence(INDArray... input) {
        return sequence(input).isPresent();
    }

    private Optional<OpSequence> sequence(INDArray[] input) {
        if (input == null || input.length == 0 || Arrays.stream(input).anyMatch(x -> x.dataType() != DataType.FLOAT)) {
            return Optional.empty();
        }
        long[][] shapes = Arrays.stream(input).map(x -> x.shape().clone()).toArray(long[][]::new);
        long batch = shapes[0][0];
        if (Arrays.stream(shapes).allMatch(s -> s.length > 0 && s[0] == batch)) {
            long padded = paddedBatch(batch);
            for (long[] s : shapes) {
                s[0] = padded;
            }
        }
        List<Long> key = Arrays.stream(shapes).flatMap(s -> java.util.stream.LongStream.concat(
                java.util.stream.LongStream.of(s.length), Arrays.stream(s)).boxed()).toList();
        return sequences.computeIfAbsent(key, k -> OpSequence.compile(this, shapes));
    }
}
