package dev.primer.nn.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The King James Bible as `bible` prints it, turned into verses. */
class TextsTest {
    @Test
    void headingsAndVerseNumbersGoAndWrappedLinesJoin() {
        String raw = """

                Genesis 1

                  1 In the beginning God created the heaven and the earth.
                  2 And the earth was without form, and void; and darkness was upon the face of
                the deep. And the Spirit of God moved upon the face of the waters.

                1 Samuel 2

                  10 The adversaries of the LORD shall be broken to pieces;
                """;
        assertEquals("""
                In the beginning God created the heaven and the earth.
                And the earth was without form, and void; and darkness was upon the face of the deep. And the \
                Spirit of God moved upon the face of the waters.
                The adversaries of the LORD shall be broken to pieces;
                """, Texts.verses(raw));
    }
}
