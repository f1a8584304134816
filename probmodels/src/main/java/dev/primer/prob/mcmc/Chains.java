package dev.primer.prob.mcmc;

import dev.primer.random.SplitMix64;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs independent chains of one kernel, in parallel on a fixed thread pool. Chain c's seed is the c-th output
 * of SplitMix64(seed), so the draws depend on the seed only, never on the number of threads.
 */
public final class Chains {
    /** Half-width of Stan's default uniform initialisation on (−2, 2). */
    public static final double INIT_RADIUS = 2;

    private Chains() {
    }

    /** {@code chains} chains from Stan-style inits x₀ ~ U(−2, 2)ᵈ drawn from each chain's seed. */
    public static <S extends Kernel.State> Samples run(Kernel<S> kernel, int dim, int chains, int warmup, int draws,
                                                       long seed, int threads) {
        long[] seeds = seeds(seed, chains);
        double[][] inits = new double[chains][dim];
        for (int c = 0; c < chains; c++) {
            SplitMix64 r = new SplitMix64(~seeds[c]);
            for (int j = 0; j < dim; j++) {
                inits[c][j] = INIT_RADIUS * (2 * r.nextDouble() - 1);
            }
        }
        return run(kernel, inits, warmup, draws, seed, threads);
    }

    /** One chain per row of {@code inits}: {@code warmup} adaptation steps, then {@code draws} kept draws. */
    public static <S extends Kernel.State> Samples run(Kernel<S> kernel, double[][] inits, int warmup, int draws,
                                                       long seed, int threads) {
        int chains = inits.length;
        long[] seeds = seeds(seed, chains);
        double[][][] out = new double[chains][][];
        TransitionStats[][] transitions = new TransitionStats[chains][];
        long[] warmupGradients = new long[chains];
        double[] seconds = new double[chains];
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, chains)));
        try {
            List<Future<?>> jobs = new ArrayList<>();
            for (int c = 0; c < chains; c++) {
                int chain = c;
                jobs.add(pool.submit(() -> {
                    S s = kernel.init(inits[chain], warmup, seeds[chain]);
                    long grads = 0;
                    for (int t = 0; t < warmup; t++) {
                        s = kernel.step(s);
                        grads += s.transition().gradientEvaluations();
                    }
                    warmupGradients[chain] = grads;
                    double[][] x = new double[draws][];
                    TransitionStats[] tr = new TransitionStats[draws];
                    long start = System.nanoTime();
                    for (int t = 0; t < draws; t++) {
                        s = kernel.step(s);
                        x[t] = s.position();
                        tr[t] = s.transition();
                    }
                    seconds[chain] = (System.nanoTime() - start) / 1e9;
                    out[chain] = x;
                    transitions[chain] = tr;
                }));
            }
            for (Future<?> f : jobs) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sampling", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a chain failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return new Samples(out, transitions, warmupGradients, seconds);
    }

    private static long[] seeds(long seed, int chains) {
        SplitMix64 root = new SplitMix64(seed);
        long[] s = new long[chains];
        for (int c = 0; c < chains; c++) {
            s[c] = root.nextLong();
        }
        return s;
    }
}
