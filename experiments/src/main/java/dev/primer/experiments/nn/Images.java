package dev.primer.experiments.nn;

import dev.primer.nn.data.ArrayDataset;
import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** Pixel-exact transforms of NCHW image batches: 2×2 mean pooling, integer shifts and rotations about the centre. */
public final class Images {
    private Images() {
    }

    /** The dataset with every image shrunk 2× by averaging 2×2 blocks (28×28 → 14×14); height and width even. */
    public static ArrayDataset halve(ArrayDataset d) {
        long[] s = d.features().shape();
        if (s.length != 4 || s[2] % 2 != 0 || s[3] % 2 != 0) {
            throw new IllegalArgumentException("halve needs NCHW images of even height and width, got shape "
                    + Arrays.toString(s));
        }
        INDArray blocks = d.features().dup('c').reshape('c', s[0], s[1], s[2] / 2, 2, s[3] / 2, 2);
        return d.withFeatures(blocks.mean(3, 5).reshape('c', s[0], s[1], s[2] / 2, s[3] / 2));
    }

    /** Every image moved {@code dx} pixels right and {@code dy} down; pixels moved in from outside are 0. */
    public static INDArray shift(INDArray images, int dx, int dy) {
        return map(images, (h, w, y, x, img, at) -> {
            int sy = y - dy;
            int sx = x - dx;
            return sy < 0 || sy >= h || sx < 0 || sx >= w ? 0f : img[at + sy * w + sx];
        });
    }

    /**
     * Every image rotated {@code degrees} counter-clockwise (as displayed, row 0 on top) about its centre
     * ((w−1)/2, (h−1)/2), sampled bilinearly; points that come from outside the image are 0. Multiples of 90° on a
     * square image permute the pixels exactly.
     */
    public static INDArray rotate(INDArray images, double degrees) {
        double rad = Math.toRadians(degrees);
        double cos = Math.cos(rad);
        double sin = Math.sin(rad);
        return map(images, (h, w, y, x, img, at) -> {
            double cx = (w - 1) / 2.0;
            double cy = (h - 1) / 2.0;
            // inverse map: the output pixel (x, y) takes the input at the point rotated back by −θ (y points down)
            double u = cx + cos * (x - cx) - sin * (y - cy);
            double v = cy + sin * (x - cx) + cos * (y - cy);
            return bilinear(img, at, h, w, u, v);
        });
    }

    /** Image i of the batch rotated {@code degrees[i]} counter-clockwise, as {@link #rotate} does it. */
    public static INDArray rotateEach(INDArray images, double[] degrees) {
        if (images.rank() != 4 || images.size(0) != degrees.length) {
            throw new IllegalArgumentException("rotateEach needs NCHW images and one angle per image, got shape "
                    + Arrays.toString(images.shape()) + " and " + degrees.length + " angles");
        }
        INDArray[] rotated = new INDArray[degrees.length];
        for (int i = 0; i < degrees.length; i++) {
            rotated[i] = rotate(images.get(NDArrayIndex.interval(i, i + 1)), degrees[i]);
        }
        return Nd4j.concat(0, rotated);
    }

    private static float bilinear(float[] img, int at, int h, int w, double u, double v) {
        double ru = Math.rint(u);
        double rv = Math.rint(v);
        if (Math.abs(u - ru) < 1e-9 && Math.abs(v - rv) < 1e-9) {
            return pixel(img, at, h, w, (int) rv, (int) ru);
        }
        int x0 = (int) Math.floor(u);
        int y0 = (int) Math.floor(v);
        double fx = u - x0;
        double fy = v - y0;
        return (float) ((1 - fy) * ((1 - fx) * pixel(img, at, h, w, y0, x0) + fx * pixel(img, at, h, w, y0, x0 + 1))
                + fy * ((1 - fx) * pixel(img, at, h, w, y0 + 1, x0) + fx * pixel(img, at, h, w, y0 + 1, x0 + 1)));
    }

    private static float pixel(float[] img, int at, int h, int w, int y, int x) {
        return y < 0 || y >= h || x < 0 || x >= w ? 0f : img[at + y * w + x];
    }

    /** The value of output pixel (y, x) of the h×w plane that starts at {@code at} in {@code img}. */
    @FunctionalInterface
    private interface PixelMap {
        float at(int h, int w, int y, int x, float[] img, int at);
    }

    private static INDArray map(INDArray images, PixelMap f) {
        long[] s = images.shape();
        if (s.length != 4) {
            throw new IllegalArgumentException("expected NCHW images, got shape " + Arrays.toString(s));
        }
        int h = (int) s[2];
        int w = (int) s[3];
        float[] in = images.dup('c').data().asFloat();
        float[] out = new float[in.length];
        for (int plane = 0; plane < in.length; plane += h * w) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    out[plane + y * w + x] = f.at(h, w, y, x, in, plane);
                }
            }
        }
        return Nd4j.create(out, s, DataType.FLOAT);
    }
}
