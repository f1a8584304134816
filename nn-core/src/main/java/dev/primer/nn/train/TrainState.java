package dev.primer.nn.train;

/**
 * Where a training run stands, saved with every checkpoint.
 *
 * @param step         updates applied
 * @param epoch        current epoch (0-based)
 * @param batchInEpoch batches of the current epoch already consumed
 * @param seed         the run's seed; with {@code batchSize} it fixes the batch order of every epoch
 * @param batchSize    examples per update of the run
 * @param ndRngSeed    base seed of ND4J's RNG, which is reseeded to {@code ndRngSeed + step} at every (re)start
 * @param best         best value of the early-stopping metric so far (NaN if none)
 * @param badEvals     evaluations since the best one
 * @param lastLoss     loss of the last update
 */
public record TrainState(long step, int epoch, int batchInEpoch, long seed, int batchSize, long ndRngSeed,
                         double best, int badEvals, double lastLoss) {
    /** The state before the first update of a run with this seed and batch size. */
    public static TrainState start(long seed, int batchSize) {
        return new TrainState(0, 0, 0, seed, batchSize, seed, Double.NaN, 0, Double.NaN);
    }

    /** This state after one more update with loss {@code loss}, {@code batchInEpoch} batches into {@code epoch}. */
    TrainState next(int epochNow, int batchNow, double loss) {
        return new TrainState(step + 1, epochNow, batchNow, seed, batchSize, ndRngSeed, best, badEvals, loss);
    }

    /** This state at the start of epoch {@code e}. */
    TrainState atEpoch(int e) {
        return new TrainState(step, e, 0, seed, batchSize, ndRngSeed, best, badEvals, lastLoss);
    }

    /** This state with a new best metric and count of evaluations since it. */
    TrainState withBest(double newBest, int newBadEvals) {
        return new TrainState(step, epoch, batchInEpoch, seed, batchSize, ndRngSeed, newBest, newBadEvals, lastLoss);
    }
}
