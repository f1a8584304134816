package dev.primer.nn.group;

import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.samediff.SameDiffLambdaLayer;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * Rotation pooling (Cohen & Welling 2016, §6.3): a p4 feature map of F·4 channels ({@code 4f + r}, as
 * {@link P4Convolution} lays them out) becomes F planes, the maximum over the 4 rotations of each filter; the result
 * is invariant to the rotation axis, so rotating the input by 90° only rotates these planes.
 */
public final class RotationPooling extends SameDiffLambdaLayer {
    @JsonProperty
    private int filters;
    @JsonProperty
    private int height;
    @JsonProperty
    private int width;

    /** Rotation pooling; its filter count is read from the input type when the network is built. */
    public RotationPooling() {
    }

    @Override
    public void setNIn(InputType inputType, boolean override) {
        if (!(inputType instanceof InputType.InputTypeConvolutional c) || c.getChannels() % 4 != 0) {
            throw new IllegalArgumentException("rotation pooling needs a p4 feature map of 4·F channels, got "
                    + inputType);
        }
        filters = (int) (c.getChannels() / 4);
        height = (int) c.getHeight();
        width = (int) c.getWidth();
    }

    @Override
    public SDVariable defineLayer(SameDiff sd, SDVariable input) {
        return sd.max(sd.reshape(input, -1, filters, 4, height, width), 2);
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType inputType) {
        InputType.InputTypeConvolutional c = (InputType.InputTypeConvolutional) inputType;
        return InputType.convolutional(c.getHeight(), c.getWidth(), c.getChannels() / 4);
    }
}
