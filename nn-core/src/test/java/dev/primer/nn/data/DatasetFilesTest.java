package dev.primer.nn.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Image files that are missing or of the wrong shape fail with a message naming the file. */
class DatasetFilesTest {
    @TempDir
    Path dir;

    /** Writes an unsigned-byte IDX file of this shape, all zeros. */
    private Path idx(String name, int... shape) throws Exception {
        Path f = dir.resolve(name);
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(f))) {
            out.writeInt(0x0800 | shape.length);
            int n = 1;
            for (int s : shape) {
                out.writeInt(s);
                n *= s;
            }
            out.write(new byte[n]);
        }
        return f;
    }

    @Test
    void wellFormedFilesLoad() throws Exception {
        ArrayDataset d = Datasets.fromFiles(idx("img", 3, 4, 5), idx("lab", 3), 10);
        assertEquals(3, d.size());
        assertEquals(4, d.features().size(2));
    }

    @Test
    void aMissingFileIsNamed() throws Exception {
        Path missing = dir.resolve("t10k-images-idx3-ubyte.gz");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Datasets.fromFiles(missing, idx("lab", 3), 10));
        assertTrue(e.getMessage().contains(missing.toString()) && e.getMessage().contains("dataset-fashion-mnist"),
                e.getMessage());
    }

    @Test
    void wrongShapesAreNamed() throws Exception {
        Path flat = idx("flat", 3, 20);
        IllegalStateException images = assertThrows(IllegalStateException.class,
                () -> Datasets.fromFiles(flat, idx("lab", 3), 10));
        assertTrue(images.getMessage().contains(flat.toString()) && images.getMessage().contains("[3, 20]"),
                images.getMessage());
        Path fewer = idx("fewer", 2);
        IllegalStateException labels = assertThrows(IllegalStateException.class,
                () -> Datasets.fromFiles(idx("img", 3, 4, 5), fewer, 10));
        assertTrue(labels.getMessage().contains(fewer.toString()) && labels.getMessage().contains("expected 3"),
                labels.getMessage());
    }
}
