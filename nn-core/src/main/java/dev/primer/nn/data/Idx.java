package dev.primer.nn.data;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Reader for the IDX format of MNIST and Fashion-MNIST (LeCun et al.): big-endian magic
 * {@code 0x0000 TT DD} (TT = 0x08 unsigned byte, DD = number of dimensions), the dimension sizes,
 * then the data; {@code .gz} files are decompressed on the fly.
 */
public final class Idx {
    private static final int UNSIGNED_BYTE = 0x08;

    private Idx() {
    }

    /** An unsigned-byte tensor: its shape and its values in row-major order. */
    public record Tensor(int[] shape, byte[] data) {
        /** Value at flat index i as 0..255. */
        public int at(int i) {
            return data[i] & 0xFF;
        }
    }

    /** Reads an unsigned-byte IDX file; fails naming the file and what was wrong. */
    public static Tensor read(Path file) throws IOException {
        try (InputStream raw = Files.newInputStream(file);
             DataInputStream in = new DataInputStream(file.toString().endsWith(".gz")
                     ? new GZIPInputStream(raw, 1 << 16) : raw)) {
            int magic = in.readInt();
            int type = (magic >>> 8) & 0xFF;
            int dims = magic & 0xFF;
            if ((magic >>> 16) != 0 || type != UNSIGNED_BYTE || dims < 1 || dims > 4) {
                throw new IOException(file + ": not an unsigned-byte IDX file (magic 0x"
                        + Integer.toHexString(magic) + ")");
            }
            int[] shape = new int[dims];
            long n = 1;
            for (int d = 0; d < dims; d++) {
                shape[d] = in.readInt();
                if (shape[d] < 0) {
                    throw new IOException(file + ": dimension " + d + " has negative size " + shape[d]);
                }
                n = Math.multiplyExact(n, (long) shape[d]);
            }
            if (n > Integer.MAX_VALUE - 8) {
                throw new IOException(file + ": too large (" + n + " values)");
            }
            byte[] data = new byte[(int) n];
            in.readFully(data);
            return new Tensor(shape, data);
        }
    }
}
