package dev.primer.nn.group;

import java.util.Map;
import java.util.stream.IntStream;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.samediff.SDLayerParams;
import org.deeplearning4j.nn.conf.layers.samediff.SameDiffLayer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.enums.WeightsFormat;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * A p4 group convolution (Cohen & Welling 2016, §6): the lifting convolution Z² → p4 (eq. 10) or the p4 → p4
 * convolution (eq. 11), stride 1, "same" padding, odd square kernels, NCHW.
 *
 * <p>A p4 feature map with F filters is stored as F·4 channels, channel {@code 4f + r} holding filter f at rotation
 * r. The one trained parameter is the base filter bank {@code W}: [F, C, k, k] when lifting from C planes, [F, C, 4,
 * k, k] when the input is p4. The layer builds the copy for output rotation r by rotating W by r·90°
 * counter-clockwise (as displayed, row 0 on top) and, for p4 input, cyclically shifting its input-rotation axis by r
 * (filter index s − r at input rotation s); then one ordinary conv2d. Weight tying and gradients come from SameDiff.
 *
 * <p>Equivariance (§6.2), in this layout: rotating the input by 90° counter-clockwise rotates every output plane
 * the same way and moves rotation r − 1 to r (mod 4). It is exact only where the padding is symmetric, which odd
 * kernels with "same" padding give.
 */
public final class P4Convolution extends SameDiffLayer {
    private static final String WEIGHTS = "W";
    private static final String BIAS = "b";

    @JsonProperty
    private int inChannels;
    @JsonProperty
    private int filters;
    @JsonProperty
    private int kernel;
    @JsonProperty
    private boolean liftingInput;

    /** For JSON deserialisation (DL4J's configuration format) only. */
    private P4Convolution() {
    }

    private P4Convolution(int filters, int kernel, boolean liftingInput) {
        if (kernel % 2 != 1 || filters < 1) {
            throw new IllegalArgumentException("a p4 convolution needs an odd kernel and at least one filter, got"
                    + " kernel " + kernel + ", filters " + filters);
        }
        this.filters = filters;
        this.kernel = kernel;
        this.liftingInput = liftingInput;
        this.weightInit = WeightInit.RELU;
    }

    /** The lifting convolution Z² → p4 (Cohen & Welling 2016, eq. 10): {@code filters}·4 output channels. */
    public static P4Convolution lifting(int filters, int kernel) {
        return new P4Convolution(filters, kernel, true);
    }

    /** The p4 → p4 group convolution (Cohen & Welling 2016, eq. 11): input and output both p4 feature maps. */
    public static P4Convolution group(int filters, int kernel) {
        return new P4Convolution(filters, kernel, false);
    }

    /** Trained parameters: the base filters and one bias per filter (shared by its 4 rotations). */
    public long parameterCount() {
        return (long) filters * inChannels * (liftingInput ? 1 : 4) * kernel * kernel + filters;
    }

    @Override
    public void setNIn(InputType inputType, boolean override) {
        if (!(inputType instanceof InputType.InputTypeConvolutional c)) {
            throw new IllegalArgumentException("a p4 convolution needs convolutional input, got " + inputType);
        }
        long channels = c.getChannels();
        if (!liftingInput && channels % 4 != 0) {
            throw new IllegalArgumentException("a p4 -> p4 convolution needs 4·C input channels, got " + channels);
        }
        if (inChannels == 0 || override) {
            inChannels = (int) (liftingInput ? channels : channels / 4);
        }
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType inputType) {
        InputType.InputTypeConvolutional c = (InputType.InputTypeConvolutional) inputType;
        return InputType.convolutional(c.getHeight(), c.getWidth(), 4L * filters);
    }

    @Override
    public void defineParameters(SDLayerParams params) {
        params.clear();
        params.addWeightParam(WEIGHTS, baseShape());
        params.addBiasParam(BIAS, 1, filters);
    }

    @Override
    public void initializeParameters(Map<String, INDArray> params) {
        long fanIn = (long) inChannels * (liftingInput ? 1 : 4) * kernel * kernel;
        initWeights((int) fanIn, filters * kernel * kernel, weightInit, params.get(WEIGHTS));
        params.get(BIAS).assign(0);
    }

    @Override
    public SDVariable defineLayer(SameDiff sd, SDVariable input, Map<String, SDVariable> params, SDVariable mask) {
        SDVariable w = params.get(WEIGHTS);
        SDVariable[] copies = new SDVariable[4];
        SDVariable rotated = w;
        for (int r = 0; r < 4; r++) {
            // CRUCIAL: no op output may be left unused; SameDiff 1.0.0-M2.1 takes dangling outputs for losses and
            // then DL4J's backprop fails ("No variable/placeholder with name ...-grad exists").
            rotated = r == 0 ? w : rot90(sd, rotated, liftingInput ? 4 : 5);
            copies[r] = liftingInput ? rotated : shiftRotations(sd, rotated, r);
        }
        long inPlanes = (long) inChannels * (liftingInput ? 1 : 4);
        SDVariable bank = sd.reshape(sd.stack(1, copies), 4L * filters, inPlanes, kernel, kernel);
        // conv2d_bp of 1.0.0-M2.1 ignores the weights format, so hand it the default layout [kH, kW, in, out]
        SDVariable kernels = sd.permute(bank, 2, 3, 1, 0);
        SDVariable bias = sd.reshape(sd.tile(sd.reshape(params.get(BIAS), filters, 1), 1, 4), 4L * filters);
        return sd.cnn().conv2d(input, kernels, bias, Conv2DConfig.builder().kH(kernel).kW(kernel).sH(1).sW(1)
                .paddingMode(PaddingMode.SAME).dataFormat("NCHW").weightsFormat(WeightsFormat.YXIO).build());
    }

    /**
     * The bank [F, C, 4, k, k] with input rotation s reading base filter s − r (mod 4), as the p4 → p4 copy for output
     * rotation r needs (Cohen & Welling 2016, eq. 11). Built by unstack/stack: gather's gradient in 1.0.0-M2.1 names
     * a variable "transposeConcat" and clashes when two gathers sit in one graph.
     */
    private static SDVariable shiftRotations(SameDiff sd, SDVariable w, int r) {
        SDVariable[] byRotation = sd.unstack(w, 2, 4);
        SDVariable[] shifted = new SDVariable[4];
        for (int s = 0; s < 4; s++) {
            shifted[s] = byRotation[Math.floorMod(s - r, 4)];
        }
        return sd.stack(2, shifted);
    }

    /** {@code w} rotated 90° counter-clockwise in its last two axes: out[i][j] = in[j][k−1−i] (numpy's rot90). */
    private static SDVariable rot90(SameDiff sd, SDVariable w, int rank) {
        int[] swapLast = IntStream.range(0, rank).toArray();
        swapLast[rank - 2] = rank - 1;
        swapLast[rank - 1] = rank - 2;
        return sd.permute(sd.reverse(w, rank - 1), swapLast);
    }

    private long[] baseShape() {
        return liftingInput ? new long[] {filters, inChannels, kernel, kernel}
                : new long[] {filters, inChannels, 4, kernel, kernel};
    }
}
