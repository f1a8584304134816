package dev.primer.atari.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.primer.atari.classic.CartPole;
import dev.primer.atari.minatar.Breakout;
import dev.primer.atari.minatar.MinAtarOptions;
import dev.primer.atari.wrappers.StickyActions;
import dev.primer.atari.wrappers.TimeLimit;
import dev.primer.random.SplitMix64;
import org.junit.jupiter.api.Test;

class DiscreteEnvironmentTest {

    @Test
    void primitiveAndBoxedStepsPlayTheSameGame() {
        DiscreteEnvironment<boolean[]> unboxed = new StickyActions<>(new Breakout(MinAtarOptions.DEFAULT), 0.1);
        Environment<boolean[], Integer> boxed = new StickyActions<>(new Breakout(MinAtarOptions.DEFAULT), 0.1);
        unboxed.reset(3);
        boxed.reset(3);
        SplitMix64 rng = SplitMix64.seeded(4);
        for (int t = 0; t < 500; t++) {
            int a = rng.nextInt(6);
            Step<boolean[]> u = unboxed.step(a);
            Step<boolean[]> b = boxed.step(Integer.valueOf(a));
            assertArrayEquals(b.observation(), u.observation(), "step " + t);
            assertEquals(b.reward(), u.reward());
            assertEquals(b.done(), u.done());
            if (u.done()) {
                unboxed.reset();
                boxed.reset();
            }
        }
    }

    @Test
    void ofReturnsDiscreteEnvironmentsThemselvesAndViewsTheRest() {
        CartPole cartPole = new CartPole();
        assertSame(cartPole, DiscreteEnvironment.of(cartPole));
        TimeLimit<float[], Integer> limited = TimeLimit.steps(new CartPole(), 3);
        DiscreteEnvironment<float[]> view = DiscreteEnvironment.of(limited);
        assertNotSame(limited, view);
        assertEquals(2, view.actionSpace().n());
        view.reset(1);
        view.step(0);
        view.step(1);
        assertEquals(true, view.step(0).truncated(), "the view steps the wrapped chain");
        assertThrows(IllegalStateException.class, () -> view.step(0));
        Snapshot snapshot = view.cloneState();
        view.reset(2);
        view.restoreState(snapshot);   // snapshots pass straight through to the wrapped environment
        assertThrows(IllegalStateException.class, () -> view.step(0));
    }

    @Test
    void badActionsAreRefusedOnBothPaths() {
        DiscreteEnvironment<boolean[]> env = new Breakout(MinAtarOptions.DEFAULT);
        env.reset(0);
        assertThrows(IllegalArgumentException.class, () -> env.step(-1));
        assertThrows(IllegalArgumentException.class, () -> env.step(6));
        assertThrows(IllegalArgumentException.class, () -> env.step((Integer) null));
        assertThrows(IllegalArgumentException.class, () -> env.step(Integer.valueOf(6)));
    }
}
