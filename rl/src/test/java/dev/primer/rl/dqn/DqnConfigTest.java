package dev.primer.rl.dqn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primer.nn.optim.Updates;
import dev.primer.rl.nets.TdLoss;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Configurations compare by value, and a wither or the builder changes exactly what it names. */
class DqnConfigTest {
    @Test
    void presetsAreEqualToThemselvesAndHashAlike() {
        assertEquals(DqnConfig.minatar(), DqnConfig.minatar());
        assertEquals(DqnConfig.minatar().hashCode(), DqnConfig.minatar().hashCode());
        assertEquals(DqnConfig.cartpole(), DqnConfig.cartpole());
        assertNotEquals(DqnConfig.minatar(), DqnConfig.cartpole());
        assertEquals(DqnConfig.cartpole(), DqnConfig.cartpole().toBuilder().build());
    }

    @Test
    void aWitherChangesOnlyWhatItNames() {
        DqnConfig base = DqnConfig.cartpole();
        DqnConfig changed = base.withMemory(500, 50);
        assertEquals(500, changed.bufferSize());
        assertEquals(50, changed.learningStarts());
        assertEquals(base, changed.toBuilder().bufferSize(base.bufferSize()).learningStarts(base.learningStarts())
                .build());
        assertEquals(base, base.withNStep(3).withNStep(1));
    }

    @Test
    void hiddenWidthsAreAValueNotASharedArray() {
        int[] widths = {8, 4};
        DqnConfig c = DqnConfig.minatar().toBuilder().hidden(widths).build();
        widths[0] = 99;
        assertEquals(List.of(8, 4), c.hidden());
        int[] out = c.hiddenWidths();
        out[1] = 99;
        assertArrayEquals(new int[] {8, 4}, c.hiddenWidths());
    }

    @Test
    void theBuilderRefusesAConfigurationTheAgentCannotRun() {
        assertThrows(NullPointerException.class, () -> DqnConfig.builder().gamma(0.9).build());
        DqnConfig.Builder b = DqnConfig.minatar().toBuilder().updates(Updates.adam(1e-3)).loss(TdLoss.Kind.MSE);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> b.targetUpdateEvery(0).build());
        assertTrue(e.getMessage().contains("targetUpdateEvery 0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DqnConfig.minatar().toBuilder().gamma(1.5).build());
    }
}
