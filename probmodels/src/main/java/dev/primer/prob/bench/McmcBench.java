package dev.primer.prob.bench;

import dev.primer.prob.learned.ProposalTraining;
import dev.primer.prob.mcmc.Chains;
import dev.primer.prob.mcmc.HamiltonianState;
import dev.primer.prob.mcmc.Hmc;
import dev.primer.prob.mcmc.Kernel;
import dev.primer.prob.mcmc.Nuts;
import dev.primer.prob.mcmc.RandomWalkMetropolis;
import dev.primer.prob.mcmc.Samples;
import dev.primer.prob.targets.Banana;
import dev.primer.prob.targets.Funnel;
import dev.primer.prob.targets.Gaussian;
import dev.primer.prob.targets.GaussianMixture;
import dev.primer.prob.targets.Ring;
import dev.primer.prob.targets.Target;
import java.util.ArrayList;
import java.util.List;

/**
 * Sampling efficiency of HMC and NUTS with adapted step size and diagonal metric (nothing hand-tuned): effective
 * samples per gradient evaluation and per second on the 100-d standard Gaussian and the moderately twisted 2-D
 * banana. Four chains, warmup as long as sampling; ESS is Stan's split-chain ESS, minimum (and mean) over
 * coordinates; gradients and seconds count the sampling phase only, seconds summed over chains (one core each).
 * Then the {@link Hard} 2-D targets: random-walk MH, HMC, NUTS and the learned proposal of {@link ProposalTraining},
 * ESS per second with and without the proposal's training time, and the moments against the known answer.
 */
public final class McmcBench {
    /** Chains per run. */
    public static final int CHAINS = 4;

    private McmcBench() {
    }

    /** The samplers compared: HMC and NUTS everywhere, random-walk MH and the learned proposal on the hard targets. */
    public enum Sampler { HMC, NUTS, RWMH, LEARNED }

    /**
     * The hard 2-D targets of the learned proposal: L2HMC's mixture of two Gaussians (Levy et al. 2018, §5.1:
     * centres ±(2, 0), variance 0.1, 12.6 standard deviations apart), a thin ring (radius 2, width 0.2; after
     * A-NICE-MC's "ring"), Haario's moderate banana and Neal's 2-D funnel.
     */
    public enum Hard {
        MIXTURE("mixture-2d", new GaussianMixture(new double[] {0.5, 0.5}, new double[][] {{-2, 0}, {2, 0}},
                new double[] {Math.sqrt(0.1), Math.sqrt(0.1)})),
        RING("ring-2d", new Ring(2, 0.2)),
        BANANA("banana-2d", Banana.moderate()),
        FUNNEL("funnel-2d", new Funnel(2));

        private final String label;
        private final Target target;

        Hard(String label, Target target) {
            this.label = label;
            this.target = target;
        }

        /** The name in tables. */
        public String label() {
            return label;
        }

        /** The density. */
        public Target target() {
            return target;
        }
    }

    /**
     * One sampler's chains on a hard target.
     *
     * @param sampler      which
     * @param target       which target
     * @param samples      the chains
     * @param trainSeconds seconds spent training the proposal (0 for the others)
     */
    public record HardRun(Sampler sampler, Hard target, Samples samples, double trainSeconds) {
    }

    /**
     * One row of the hard-target table.
     *
     * @param sampler                  which
     * @param target                   target name
     * @param draws                    kept draws per chain
     * @param minEss                   smallest split-chain ESS over coordinates
     * @param essPerSecond             minEss over sampling seconds (summed over chains)
     * @param trainSeconds             the learned proposal's training time (0 otherwise)
     * @param essPerSecondWithTraining minEss over sampling plus training seconds
     * @param maxRhat                  largest split R̂
     * @param acceptRate               fraction of transitions accepted (1 for NUTS and HMC moves counted as taken)
     * @param meanError                largest |sample mean − true mean| over coordinates, in true standard deviations
     * @param varianceRatio            smallest sample variance / true variance over coordinates
     */
    public record HardResult(Sampler sampler, String target, int draws, double minEss, double essPerSecond,
                             double trainSeconds, double essPerSecondWithTraining, double maxRhat, double acceptRate,
                             double meanError, double varianceRatio) {
        /** The row of a run. */
        public static HardResult of(HardRun r) {
            Samples s = r.samples();
            Target t = r.target().target();
            double meanError = 0;
            double varianceRatio = Double.POSITIVE_INFINITY;
            for (int j = 0; j < t.dim(); j++) {
                double sd = Samples.sd(s.component(j));
                meanError = Math.max(meanError, Math.abs(s.mean(j) - t.mean()[j]) / Math.sqrt(t.variance()[j]));
                varianceRatio = Math.min(varianceRatio, sd * sd / t.variance()[j]);
            }
            double min = s.minEss();
            return new HardResult(r.sampler(), r.target().label(), s.draws()[0].length, min,
                    min / s.totalSamplingSeconds(), r.trainSeconds(), min / (s.totalSamplingSeconds()
                    + r.trainSeconds()), s.maxRhat(), s.acceptanceRate(), meanError, varianceRatio);
        }
    }

    /**
     * Random-walk MH (scale 2.38·σ̄/√d, σ̄ the target's mean true standard deviation: the optimal-scaling rule of
     * Roberts, Gelman &amp; Gilks 1997), HMC, NUTS and the learned proposal ({@code trainIterations} updates) on every
     * hard target, {@code draws} warmup and {@code draws} kept draws per chain.
     */
    public static List<HardResult> hard(long seed, int draws, int trainIterations) {
        List<HardResult> out = new ArrayList<>();
        for (Hard t : Hard.values()) {
            for (Sampler s : Sampler.values()) {
                out.add(HardResult.of(sample(s, t, seed, draws, trainIterations)));
            }
        }
        return out;
    }

    /** One sampler's chains on one hard target; the learned proposal is trained first (its time kept apart). */
    public static HardRun sample(Sampler s, Hard t, long seed, int draws, int trainIterations) {
        Target target = t.target();
        double trainSeconds = 0;
        Kernel<?> k;
        switch (s) {
            case HMC -> k = Hmc.of(target);
            case NUTS -> k = Nuts.of(target);
            case RWMH -> {
                double sd = 0;
                for (double v : target.variance()) {
                    sd += Math.sqrt(v) / target.dim();
                }
                k = new RandomWalkMetropolis(target, 2.38 * sd / Math.sqrt(target.dim()));
            }
            case LEARNED -> {
                ProposalTraining.Result r = ProposalTraining.train(target, ProposalTraining.Config.of(trainIterations),
                        seed);
                trainSeconds = r.seconds();
                k = r.kernel();
            }
            default -> throw new IllegalArgumentException("no sampler " + s);
        }
        return new HardRun(s, t, Chains.run(k, target.dim(), CHAINS, draws, draws, seed, 1), trainSeconds);
    }


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
            for (Sampler s : List.of(Sampler.HMC, Sampler.NUTS)) {
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
