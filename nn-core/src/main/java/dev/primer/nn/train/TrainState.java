package dev.primer.nn.train;

/**
 * Where a training run stands, saved with every checkpoint.
 *
 * @param step         updates applied
 * @param epoch        current epoch (0-based)
 * @param batchInEpoch batches of the current epoch already consumed
 * @param seed         the run's seed (fixes the batch order of every epoch)
 * @param ndRngSeed    seed ND4J's RNG was set to when this state was written
 * @param best         best value of the early-stopping metric so far (NaN if none)
 * @param badEvals     evaluations since the best one
 * @param lastLoss     loss of the last update
 */
public record TrainState(long step, int epoch, int batchInEpoch, long seed, long ndRngSeed, double best,
                         int badEvals, double lastLoss) {
    /** The state before the first update of a run with this seed. */
    public static TrainState start(long seed) {
        return new TrainState(0, 0, 0, seed, seed, Double.NaN, 0, Double.NaN);
    }
}
