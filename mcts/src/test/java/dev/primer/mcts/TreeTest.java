package dev.primer.mcts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TreeTest {
    @Test
    void virtualLossIsRestoredByTheUpdate() {
        Tree t = new Tree(16);
        int first = t.allocate(2);
        t.initChild(first, 7, 0.5f, 0, 0);
        t.initChild(first + 1, 8, 0.5f, 0, 0);
        t.addVirtualLoss(first, 3);
        t.addVirtualLoss(first, 3);
        assertEquals(6, t.virtualLoss(first));
        t.update(first, 1f, 3);
        t.update(first, 0f, 3);
        assertEquals(0, t.virtualLoss(first));
        assertEquals(2, t.visits(first));
        assertEquals(1f, t.valueSum(first));
    }

    @Test
    void expansionIsClaimedOnceAndPublished() {
        Tree t = new Tree(16);
        assertTrue(t.tryBeginExpand(0));
        assertFalse(t.tryBeginExpand(0));
        assertFalse(t.isExpanded(0));
        int first = t.allocate(3);
        t.finishExpand(0, first, 3);
        assertTrue(t.isExpanded(0));
        assertEquals(3, t.childCount(0));
        assertEquals(-1, t.allocate(13), "only 12 nodes left");
    }

    @Test
    void promotionCopiesTheSubtreeAndReusesTheArenas() {
        Tree t = new Tree(16);
        t.tryBeginExpand(0);
        int first = t.allocate(2);
        t.initChild(first, 0, 0.5f, 0, 0);
        t.initChild(first + 1, 1, 0.5f, 0, 0);
        t.finishExpand(0, first, 2);
        int keep = first + 1;
        t.update(keep, 1f, 0);
        t.tryBeginExpand(keep);
        int grand = t.allocate(3);
        for (int k = 0; k < 3; k++) {
            t.initChild(grand + k, 10 + k, 0.2f, 2, 1);
        }
        t.finishExpand(keep, grand, 3);
        t.update(grand + 2, 0.25f, 0);

        t.promote(keep);

        assertEquals(4, t.size());
        assertEquals(1, t.visits(0));
        assertTrue(t.isExpanded(0));
        assertEquals(3, t.childCount(0));
        int c = t.firstChild(0) + 2;
        assertEquals(12, t.action(c));
        assertEquals(1, t.visits(c));
        assertEquals(0.25f, t.valueSum(c));
        assertEquals(2f, t.amafVisits(c));
        assertFalse(t.isExpanded(c));
        assertEquals(16, t.capacity());
    }
}
