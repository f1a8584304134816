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
    /** Input shapes kept compiled at once (a search evaluating at a few batch sizes stays within it). */
    private static final int SHAPES = 8;

    private final transient Map<List<Long>, Optional<OpSequence>> sequences =
            new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<List<Long>, Optional<OpSequence>> eldest) {
                    return size() > SHAPES;
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

    /** Whether inference on inputs shaped as {@code input} runs as an op sequence rather than through DL4J. */
    public synchronized boolean runsAsSequence(INDArray... input) {
        return sequence(input).isPresent();
    }

    private Optional<OpSequence> sequence(INDArray[] input) {
        if (input == null || input.length == 0 || Arrays.stream(input).anyMatch(x -> x.dataType() != DataType.FLOAT)) {
            return Optional.empty();
        }
        long[][] shapes = Arrays.stream(input).map(INDArray::shape).toArray(long[][]::new);
        List<Long> key = Arrays.stream(shapes).flatMap(s -> java.util.stream.LongStream.concat(
                java.util.stream.LongStream.of(s.length), Arrays.stream(s)).boxed()).toList();
        return sequences.computeIfAbsent(key, k -> OpSequence.compile(this, shapes));
    }
}
