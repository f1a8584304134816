package dev.primer.nn.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

    @Test
    void aCorruptNewestFileFallsBackToThePreviousOneAndSaysSo() throws IOException {
        Path f = dir.resolve("f.bin");
        SealedFile.write(f, "TESTFILE", 1, new byte[] {1});
        SealedFile.write(f, "TESTFILE", 1, new byte[] {2});
        assertEquals(1, SealedFile.read(SealedFile.previous(f), "TESTFILE", 1).get(), "the replaced file is kept");
        byte[] bytes = Files.readAllBytes(f);
        bytes[bytes.length / 2] ^= 0x40;
        Files.write(f, bytes);
        List<String> notices = new ArrayList<>();

        assertEquals(1, SealedFile.readNewest(f, "TESTFILE", 1, 1, notices::add).get());
        assertEquals(1, notices.size());
        assertTrue(notices.get(0).contains("corrupt") && notices.get(0).contains("previous copy"), notices.get(0));
        assertEquals(1, SealedFile.read(f, "TESTFILE", 1).get(), "the previous copy takes the newest's place");
        assertTrue(Files.exists(dir.resolve("f.bin.unreadable")), "the corrupt file is kept for a look");
        SealedFile.write(f, "TESTFILE", 1, new byte[] {3});
        assertEquals(1, SealedFile.read(SealedFile.previous(f), "TESTFILE", 1).get(), "an intact previous copy");
    }

    @Test
    void whenBothCopiesAreUnreadableTheErrorNamesBoth() throws IOException {
        Path f = dir.resolve("f.bin");
        SealedFile.write(f, "TESTFILE", 1, new byte[] {1});
        SealedFile.write(f, "TESTFILE", 1, new byte[] {2});
        Files.writeString(f, "hello");
        Files.writeString(SealedFile.previous(f), "hello");
        IOException e = assertThrows(IOException.class, () -> SealedFile.readNewest(f, "TESTFILE", 1, 1, n -> {
        }));
        assertTrue(e.getMessage().contains(f + " is not") && e.getMessage().contains(f + ".prev is not"),
                e.getMessage());
        Files.delete(SealedFile.previous(f));
        assertTrue(assertThrows(IOException.class, () -> SealedFile.readNewest(f, "TESTFILE", 1, 1, n -> {
        })).getMessage().startsWith(f + " is not"), "without a previous copy the newest's error alone");
    }
}
