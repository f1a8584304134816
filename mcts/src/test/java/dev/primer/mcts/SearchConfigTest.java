package dev.primer.mcts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SearchConfigTest {
    @Test
    void presetsKeepTheirPublishedValues() {
        assertEquals(new SearchConfig(SelectionRule.UCT, 0.7, 0, 1, 1, 1, 1, 1 << 20, 1, 0, 10), SearchConfig.uct());
        assertEquals(new SearchConfig(SelectionRule.RAVE, 0, 0.1, 1, 3, 1, 1, 1 << 20, 3, 20, 1), SearchConfig.rave());
        assertEquals(new SearchConfig(SelectionRule.PUCT, 1.5, 0, 1, 3, 1, 1, 1 << 20, 0, 0, 0.5), SearchConfig.puct());
    }

    @Test
    void configsCompareByValueAndRoundTripThroughTheBuilder() {
        SearchConfig rave = SearchConfig.rave();
        assertEquals(rave, rave.toBuilder().build());
        assertEquals(SearchConfig.uct(), SearchConfig.builder().build());
        SearchConfig four = rave.withThreads(4).withSeed(9);
        assertEquals(4, four.threads());
        assertEquals(9, four.seed());
        assertEquals(rave, four.toBuilder().threads(1).seed(1).build());
        assertNotEquals(rave, four);
    }

    @Test
    void outOfRangeValuesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> SearchConfig.builder().threads(0).build());
        assertThrows(IllegalArgumentException.class, () -> SearchConfig.builder().lambda(1.5).build());
        assertThrows(IllegalArgumentException.class, () -> SearchConfig.builder().rule(null).build());
    }
}
