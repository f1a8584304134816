package dev.primer.nn.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SealedFileTest {
    @TempDir
    Path dir;

    @Test
    void readsAVersionInsideTheRangeAndNamesTheRangeOtherwise() throws IOException {
        Path f = dir.resolve("f.bin");
        SealedFile.write(f, "TESTFILE", 2, new byte[] {7, 8, 9});
        ByteBuffer b = SealedFile.read(f, "TESTFILE", 2, 3);
        assertEquals(3, b.remaining());
        assertEquals(7, b.get());
        IOException e = assertThrows(IOException.class, () -> SealedFile.read(f, "TESTFILE", 3, 4));
        assertTrue(e.getMessage().contains("version 2, this build reads 3 to 4"), e.getMessage());
        IOException single = assertThrows(IOException.class, () -> SealedFile.read(f, "TESTFILE", 3));
        assertTrue(single.getMessage().contains("version 2, this build reads 3"), single.getMessage());
    }
}
