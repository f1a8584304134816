package dev.primer.atari;

import dev.primer.atari.classic.CartPole;
import dev.primer.atari.core.Environment;
import dev.primer.atari.minatar.Asterix;
import dev.primer.atari.minatar.Breakout;
import dev.primer.atari.minatar.Freeway;
import dev.primer.atari.minatar.MinAtarOptions;
import dev.primer.atari.minatar.Seaquest;
import dev.primer.atari.minatar.SpaceInvaders;
import dev.primer.atari.pixel.Pong;
import dev.primer.atari.wrappers.StickyActions;
import dev.primer.atari.wrappers.TimeLimit;
import java.util.function.Supplier;
import org.eclipse.collections.api.factory.Lists;
import org.eclipse.collections.api.list.ImmutableList;

/** The registry of environments by id, each in its reference configuration. */
public final class Envs {

    /** An environment id with its description and the sticky-action probability it uses by default. */
    public record Spec(String id, String description, double defaultSticky,
                       Supplier<Environment<?, Integer>> game) {
    }

    private static final ImmutableList<Spec> SPECS = Lists.immutable.of(
            minatar("breakout", "MinAtar Breakout", () -> new Breakout(MinAtarOptions.DEFAULT)),
            minatar("space_invaders", "MinAtar Space Invaders", () -> new SpaceInvaders(MinAtarOptions.DEFAULT)),
            minatar("freeway", "MinAtar Freeway (2500-frame limit)", () -> new Freeway(MinAtarOptions.DEFAULT)),
            minatar("asterix", "MinAtar Asterix", () -> new Asterix(MinAtarOptions.DEFAULT)),
            minatar("seaquest", "MinAtar Seaquest", () -> new Seaquest(MinAtarOptions.DEFAULT)),
            new Spec("pong", "Pong at 210x160 RGB vs a scripted opponent (ALE v5: sticky 0.25, 108k frames)",
                    StickyActions.ALE_PROBABILITY, () -> TimeLimit.frames(new Pong(), TimeLimit.ALE_MAX_FRAMES)),
            new Spec("cartpole", "Gymnasium CartPole-v1 (500-step limit)", 0,
                    () -> TimeLimit.steps(new CartPole(), CartPole.MAX_EPISODE_STEPS)));

    private Envs() {
    }

    private static Spec minatar(String id, String description, Supplier<Environment<?, Integer>> game) {
        return new Spec(id, description + " (sticky 0.1, ramping on, 6 actions)",
                StickyActions.MINATAR_PROBABILITY, game);
    }

    /** Every registered id, in listing order. */
    public static ImmutableList<String> ids() {
        return SPECS.collect(Spec::id);
    }

    /** Every registered spec. */
    public static ImmutableList<Spec> specs() {
        return SPECS;
    }

    /** The spec for {@code id}. */
    public static Spec spec(String id) {
        Spec spec = SPECS.detect(s -> s.id().equals(id));
        if (spec == null) {
            throw new IllegalArgumentException("unknown environment '" + id + "'; known ids: " + ids().makeString());
        }
        return spec;
    }

    /** The environment {@code id} with its default sticky-action probability. */
    public static Environment<?, Integer> make(String id) {
        return make(id, spec(id).defaultSticky());
    }

    /** The environment {@code id} with sticky-action probability {@code sticky} (0 for none). */
    public static Environment<?, Integer> make(String id, double sticky) {
        return withSticky(spec(id).game().get(), sticky);
    }

    private static <O> Environment<O, Integer> withSticky(Environment<O, Integer> env, double sticky) {
        return sticky > 0 ? new StickyActions<>(env, sticky) : env;
    }

    /** One line per environment: id, action space, observation space, description. */
    public static String describe() {
        StringBuilder sb = new StringBuilder();
        for (Spec spec : SPECS) {
            Environment<?, Integer> env = spec.game().get();
            sb.append(String.format("%-15s %-13s %-28s %s%n", spec.id(), env.actionSpace(), env.observationSpace(),
                    spec.description()));
        }
        return sb.toString();
    }
}
