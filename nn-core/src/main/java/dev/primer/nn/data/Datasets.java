package dev.primer.nn.data;

import dev.primer.nn.Backend;
import dev.primer.random.SplitMix64;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The image datasets primer ships with or finds on the machine, as NCHW float arrays in [0, 1]. */
public final class Datasets {
    /** Where Debian's {@code dataset-fashion-mnist} package puts the files. */
    public static final Path FASHION_MNIST_DIR = Path.of("/usr/share/datasets/fashion-mnist");
    private static final String DIGITS = "/dev/primer/nn/data/digits.csv.gz";

    private Datasets() {
    }

    /** Which part of a dataset. */
    public enum Split { TRAIN, TEST }

    /** Fashion-MNIST (Xiao et al. 2017) from Debian's package: 60,000 train / 10,000 test, 1x28x28, 10 classes. */
    public static ArrayDataset fashionMnist(Split split) {
        return fashionMnist(split, Integer.MAX_VALUE);
    }

    /** The first {@code limit} examples of a Fashion-MNIST split. */
    public static ArrayDataset fashionMnist(Split split, int limit) {
        String prefix = split == Split.TRAIN ? "train" : "t10k";
        return fromFiles(FASHION_MNIST_DIR.resolve(prefix + "-images-idx3-ubyte.gz"),
                FASHION_MNIST_DIR.resolve(prefix + "-labels-idx1-ubyte.gz"), limit);
    }

    /**
     * Images (n×h×w) and labels (n) from two IDX files, the first {@code limit}; fails naming the file that is
     * missing or of the wrong shape.
     */
    static ArrayDataset fromFiles(Path images, Path labels, int limit) {
        for (Path f : new Path[] {images, labels}) {
            if (!Files.isReadable(f)) {
                throw new IllegalStateException("Fashion-MNIST file " + f + " not found: install the Debian package"
                        + " with `apt-get install dataset-fashion-mnist` (./primer test does this)");
            }
        }
        try {
            Idx.Tensor x = Idx.read(images);
            Idx.Tensor y = Idx.read(labels);
            if (x.shape().length != 3) {
                throw new IllegalStateException(images + ": expected images of shape n x h x w, found "
                        + java.util.Arrays.toString(x.shape()));
            }
            if (y.shape().length != 1 || y.shape()[0] != x.shape()[0]) {
                throw new IllegalStateException(labels + ": expected " + x.shape()[0] + " labels (one per image of "
                        + images + "), found shape " + java.util.Arrays.toString(y.shape()));
            }
            return fromIdx(x, y, limit);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Builds an NCHW dataset from IDX image and label tensors, keeping the first {@code limit}. */
    static ArrayDataset fromIdx(Idx.Tensor images, Idx.Tensor labels, int limit) {
        int n = Math.min(limit, images.shape()[0]);
        int h = images.shape()[1];
        int w = images.shape()[2];
        float[] x = new float[n * h * w];
        for (int i = 0; i < x.length; i++) {
            x[i] = images.at(i) / 255f;
        }
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = labels.at(i);
        }
        Backend.init();
        return ArrayDataset.of(Nd4j.create(x, new long[] {n, 1, h, w}, DataType.FLOAT), y, 10);
    }

    /** scikit-learn's digits (UCI optical digits test set): 1,797 images 1x8x8 scaled from 0..16, 10 classes. */
    public static ArrayDataset digits() {
        List<float[]> rows = new ArrayList<>();
        List<Integer> ys = new ArrayList<>();
        try (InputStream in = Datasets.class.getResourceAsStream(DIGITS)) {
            if (in == null) {
                throw new IllegalStateException("resource " + DIGITS + " missing from the nn-core jar");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(in),
                    StandardCharsets.US_ASCII));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String[] f = line.split(",");
                float[] px = new float[64];
                for (int i = 0; i < 64; i++) {
                    px[i] = Float.parseFloat(f[i]) / 16f;
                }
                rows.add(px);
                ys.add(Integer.parseInt(f[64].trim()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        float[] x = new float[rows.size() * 64];
        for (int i = 0; i < rows.size(); i++) {
            System.arraycopy(rows.get(i), 0, x, i * 64, 64);
        }
        Backend.init();
        return ArrayDataset.of(Nd4j.create(x, new long[] {rows.size(), 1, 8, 8}, DataType.FLOAT),
                ys.stream().mapToInt(Integer::intValue).toArray(), 10);
    }

    /** A seeded split into train and test parts, {@code testFraction} of the examples in test. */
    public static ArrayDataset[] split(ArrayDataset data, double testFraction, long seed) {
        int[] order = new int[data.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        new SplitMix64(seed).shuffle(order);
        int nTest = (int) Math.round(data.size() * testFraction);
        int[] test = java.util.Arrays.copyOfRange(order, 0, nTest);
        int[] train = java.util.Arrays.copyOfRange(order, nTest, order.length);
        return new ArrayDataset[] {data.select(train), data.select(test)};
    }
}
