package dev.primer.prob.bench;

import dev.primer.prob.mcmc.Chains;
import dev.primer.prob.mcmc.HamiltonianState;
import dev.primer.prob.mcmc.Hmc;
import dev.primer.prob.mcmc.Kernel;
import dev.primer.prob.mcmc.Nuts;
import dev.primer.prob.mcmc.Samples;
import dev.primer.prob.targets.Banana;
import dev.primer.prob.targets.Gaussian;
import dev.primer.prob.targets.Target;
import java.util.ArrayList;
import java.util.List;

/**
 * Sampling efficiency of HMC and NUTS with adapted step size and diagonal metric (nothing hand-tuned): effective
 * samples per gradient evaluation and per second on the 100-d standard Gaussian and the moderately twisted 2-D
 * banana. Four chains, warmup as long as sampling; ESS is Stan's split-chain ESS, minimum (and mean) over
 * coordinates; gradients and seconds count the sampling phase only, seconds summed over chains (one core each).
 */
public final class McmcBench {
    /** Chains per run. */
    public static final int CHAINS = 4;

    private McmcBench() {
    }

    /** The samplers compared. */
    public enum Sampler { HMC, NUTS }

    /**
     * One sampler on one target.
     *
     * @param sampler        HMC or NUTS
     * @param target         target name
     * @param dim            dimension
     * @param draws          post-warmup draws per chain
     * @param minEss         smallest ESS over coordinates
     * @param meanEss        mean ESS over coordinates
     * @param gradients      sampling-phase gradient evaluations over all chains
     * @param seconds        sampling-phase seconds summed over chains
     * @param essPerGradient minEss / gradients
     * @param essPerSecond   minEss / seconds
     * @param stepSize       mean adapted step size
     * @param acceptProb     mean acceptance statistic
     * @param divergences    divergent transitions after warmup
     * @param maxRhat        largest split R̂ over coordinates
     */
    public record Result(Sampler sampler, String target, int dim, int draws, double minEss, double meanEss,
                         long gradients, double seconds, double essPerGradient, double essPerSecond,
                         double stepSize, double acceptProb, int divergences, double maxRhat) {
    }

    /** Runs HMC and NUTS on both targets with {@code draws} warmup and {@code draws} kept draws per chain. */
    public static List<Result> run(long seed, int draws) {
        List<Result> out = new ArrayList<>();
        List<Target> targets = List.of(Gaussian.standard(100), Banana.moderate());
        List<String> names = List.of("gaussian-100d", "banana-2d");
        for (int i = 0; i < targets.size(); i++) {
            for (Sampler s : Sampler.values()) {
                out.add(run(s, names.get(i), targets.get(i), seed, draws));
            }
        }
        return out;
    }

    /** One sampler on one target (named {@code name}), {@code draws} warmup and {@code draws} kept per chain. */
    public static Result run(Sampler s, String name, Target t, long seed, int draws) {
        Kernel<HamiltonianState> k = s == Sampler.HMC ? Hmc.of(t) : Nuts.of(t);
        Samples r = Chains.run(k, t.dim(), CHAINS, draws, draws, seed, 1);
        double min = r.minEss();
        return new Result(s, name, t.dim(), draws, min, r.meanEss(), r.samplingGradients(), r.totalSamplingSeconds(),
                min / r.samplingGradients(), min / r.totalSamplingSeconds(), r.meanStepSize(), r.meanAcceptProb(),
                r.divergences(), r.maxRhat());
    }
}
