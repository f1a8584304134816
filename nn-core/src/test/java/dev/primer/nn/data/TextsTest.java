package dev.primer.nn.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The King James Bible as `bible -f` prints it, turned into verses. */
class TextsTest {
    @Test
    void referencesGoAndEachLineIsAVerse() {
        String raw = """
                Gen1:1 In the beginning God created the heaven and the earth.
                Gen1:2 And the earth was without form, and void; and darkness was upon the face of the deep.  \s
                1Sa2:10 The adversaries of the LORD shall be broken to pieces;
                """;
        assertEquals(List.of("In the beginning God created the heaven and the earth.",
                "And the earth was without form, and void; and darkness was upon the face of the deep.",
                "The adversaries of the LORD shall be broken to pieces;"), Texts.verses(raw));
    }

    @Test
    void theWholeBibleHasEveryVerse() {
        List<String> verses = Texts.kingJamesVerses();
        assertEquals(Texts.KJV_VERSES, verses.size());
        assertEquals("In the beginning God created the heaven and the earth.", verses.get(0));
        assertEquals("The grace of our Lord Jesus Christ be with you all. Amen.", verses.get(verses.size() - 1));
    }
}
