package dev.primer.experiments.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.primer.experiments.nn.Adversarial;
import dev.primer.experiments.nn.DropoutExperiment;
import dev.primer.experiments.nn.FashionMnistConvnet;
import dev.primer.experiments.nn.MemorizeRandomLabels;
import dev.primer.experiments.nn.MemorizeRandomLabels.Fit;
import dev.primer.experiments.nn.MemorizeRandomLabels.Level;
import dev.primer.experiments.prob.LangevinVsSgd;
import dev.primer.experiments.prob.Optimizers;
import dev.primer.experiments.prob.SgdVsGdRates;
import dev.primer.experiments.prob.SgldMixture;
import dev.primer.experiments.rl.DqnCartPole;
import dev.primer.experiments.rl.DqnMinAtar;
import dev.primer.experiments.rl.ReinforceCartPole;
import dev.primer.experiments.rl.Rl4jVsPrimer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Each experiment's metrics record writes the result.json that its name-keyed map wrote before the records:
 * same keys, same order, same values, byte for byte.
 */
class ResultJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The metrics as result.json holds them, against the map the experiment used to build ({@code k, v, ...}). */
    private static void assertWrites(Record metrics, Object... keysAndValues) throws Exception {
        Map<String, Object> before = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            before.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        assertEquals(JSON.writeValueAsString(before), JSON.writeValueAsString(RunRecord.fields(metrics)));
    }

    /** One label-corruption level as result.json nests it. */
    private static Map<String, Object> level(Object... values) {
        String[] keys = {"corruption", "reached_100pct", "steps", "epochs", "final_train_accuracy", "test_error"};
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keys.length; i++) {
            m.put(keys[i], values[i]);
        }
        return m;
    }

    @Test
    void memorizeRandomLabelsWithAndWithoutTheRatio() throws Exception {
        Object[] common = {"examples", 1024, "batch_size", 64, "max_epochs", 250,
            "true_labels_reached_100pct", true, "true_labels_steps", 400L, "true_labels_final_train_accuracy", 1.0,
            "random_labels_reached_100pct", true, "random_labels_steps", 1000L,
            "random_labels_final_train_accuracy", 1.0, "shuffled_pixels_reached_100pct", false,
            "shuffled_pixels_steps", 4000L, "shuffled_pixels_final_train_accuracy", 0.75,
            "gaussian_reached_100pct", true, "gaussian_steps", 900L, "gaussian_final_train_accuracy", 1.0,
            "label_corruption", List.of(level(0.0, true, 400L, 25L, 1.0, 0.2), level(1.0, true, 1000L, 63L, 1.0, 0.9))};
        List<Level> levels = List.of(new Level(0, true, 400, 25, 1.0, 0.2), new Level(1, true, 1000, 63, 1.0, 0.9));
        MemorizeRandomLabels.Metrics m = new MemorizeRandomLabels.Metrics(1024, 64, 250, new Fit(true, 400, 1.0),
                new Fit(true, 1000, 1.0), new Fit(false, 4000, 0.75), new Fit(true, 900, 1.0), levels);
        Object[] withRatio = java.util.Arrays.copyOf(common, common.length + 2);
        withRatio[common.length] = "ratio_random_to_true";
        withRatio[common.length + 1] = 2.5;
        assertWrites(m, withRatio);
        MemorizeRandomLabels.Metrics unreached = new MemorizeRandomLabels.Metrics(1024, 64, 250,
                new Fit(true, 400, 1.0), new Fit(false, 1000, 1.0), new Fit(false, 4000, 0.75), new Fit(true, 900, 1.0),
                levels);
        common[13] = false;
        assertWrites(unreached, common);
    }

    @Test
    void adversarial() throws Exception {
        Adversarial.Robustness r = new Adversarial.Robustness(0.9, List.of(0.9, 0.3), List.of(0.9, 0.1));
        assertWrites(new Adversarial.Metrics(4096, 200, List.of(0.0, 0.1), 10, "FGSM", 0.1, r, r, r),
                "train_examples", 4096, "test_examples", 200, "epsilons", List.of(0.0, 0.1), "pgd_steps", 10,
                "adversarial_training", "FGSM", "train_epsilon", 0.1,
                "convnet_clean", 0.9, "convnet_fgsm", List.of(0.9, 0.3), "convnet_pgd", List.of(0.9, 0.1),
                "softmax_clean", 0.9, "softmax_fgsm", List.of(0.9, 0.3), "softmax_pgd", List.of(0.9, 0.1),
                "adversarially_trained_clean", 0.9, "adversarially_trained_fgsm", List.of(0.9, 0.3),
                "adversarially_trained_pgd", List.of(0.9, 0.1));
    }

    @Test
    void dropout() throws Exception {
        assertWrites(new DropoutExperiment.Metrics(10_000, List.of(512, 512), 40, 0.2, 0.5,
                        new DropoutExperiment.Arm(0.0, 0.15, 0.15, 0.14), new DropoutExperiment.Arm(0.05, 0.13, 0.08, 0.12)),
                "examples", 10_000, "hidden", List.of(512, 512), "epochs", 40, "input_dropout", 0.2,
                "hidden_dropout", 0.5, "plain_train_error", 0.0, "plain_test_error", 0.15, "plain_gap", 0.15,
                "plain_best_test_error", 0.14, "dropout_train_error", 0.05, "dropout_test_error", 0.13,
                "dropout_gap", 0.08, "dropout_best_test_error", 0.12);
    }

    @Test
    void fashionMnistConvnet() throws Exception {
        assertWrites(new FashionMnistConvnet.Metrics(3, 2814, 0.8812, 0.8901, "EPOCHS_DONE", 500),
                "epochs_run", 3, "steps", 2814L, "final_test_accuracy", 0.8812, "best_test_accuracy", 0.8901,
                "stop", "EPOCHS_DONE", "resumed_from_step", 500L);
    }

    @Test
    void sgdVsGdRates() throws Exception {
        assertWrites(new SgdVsGdRates.Metrics(20_000, 100_000, 8, -1.01, 1e-5, -0.49, 2e-3, 1e-9, 0.31),
                "gd_steps", 20_000, "sgd_steps", 100_000, "sgd_runs_averaged", 8, "gd_separable_slope", -1.01,
                "gd_separable_final_loss", 1e-5, "sgd_overlapping_slope", -0.49, "sgd_overlapping_final_excess",
                2e-3, "gd_overlapping_final_excess", 1e-9, "f_star_overlapping", 0.31);
    }

    @Test
    void sgldMixture() throws Exception {
        assertWrites(new SgldMixture.Metrics(200_000, 1980, 0.12, 0.05, 4000, 0.08, 0.04, 0, 0.31, 0.33, true),
                "sgld_steps", 200_000, "sgld_kept_samples", 1980, "tv_sgld", 0.12, "tv_iid_same_count", 0.05,
                "nuts_draws", 4000, "tv_nuts", 0.08, "tv_iid_nuts_count", 0.04, "nuts_divergences", 0,
                "sgld_fraction_theta2_below_0", 0.31, "grid_fraction_theta2_below_0", 0.33,
                "sgld_mode_proportions_match", true);
    }

    @Test
    void langevinVsSgd() throws Exception {
        assertWrites(new LangevinVsSgd.Metrics(200_000L, List.of(0.1, 1.9), -120.5, 0.2, 0.1, 0.99, 0.05, 1980,
                        List.of(0.2, 0.8), List.of(0.25, 0.75), 200_000L, 2000L),
                "datum_gradient_budget", 200_000L, "sgd_final_theta", List.of(0.1, 1.9), "sgd_log_posterior", -120.5,
                "tv_sgld", 0.2, "tv_full_batch_langevin", 0.1, "tv_sgd_point_mass", 0.99, "tv_iid_same_count", 0.05,
                "sgld_kept_samples", 1980, "sgld_posterior_mean", List.of(0.2, 0.8), "langevin_posterior_mean",
                List.of(0.25, 0.75), "sgld_steps", 200_000L, "langevin_steps", 2000L);
    }

    @Test
    void optimizersKeepTheirFlatLayoutWithDivergedAndNotReached() throws Exception {
        List<Optimizers.Run> runs = List.of(
                new Optimizers.Run("rosenbrock", "gd", true, 1e-3, 0.02, -1),
                new Optimizers.Run("rosenbrock", "adam", true, Double.NaN, Double.NaN, -1),
                new Optimizers.Run("rosenbrock", "newton", false, Double.NaN, 1e-20, 7),
                new Optimizers.Run("mlp", "momentum", true, 0.1, 1e-9, 1500),
                new Optimizers.Run("mlp", "newton_cg", false, Double.NaN, 3e-3, -1));
        assertWrites(new Optimizers.Metrics(2000, 100, runs, 0.0, 1e-15, 2e-15, 1e-30, 0.5),
                "first_order_steps", 2000, "second_order_steps", 100,
                "rosenbrock_gd_step", 1e-3, "rosenbrock_gd_final", 0.02,
                "rosenbrock_adam_step", Double.NaN, "rosenbrock_adam_final", "diverged",
                "rosenbrock_newton_final", 1e-20,
                "mlp_momentum_step", 0.1, "mlp_momentum_final", 1e-9,
                "mlp_newton_cg_final", 3e-3,
                "rosenbrock_gd_steps_to_1e-8", "not reached", "rosenbrock_adam_steps_to_1e-8", "not reached",
                "rosenbrock_newton_steps_to_1e-8", 7, "mlp_momentum_steps_to_1e-8", 1500,
                "mlp_newton_cg_steps_to_1e-8", "not reached",
                "scale_check_epsilon", 0.0, "scale_adam_max_iterate_difference", 1e-15,
                "scale_rmsprop_max_iterate_difference", 2e-15, "scale_gd_final_round", 1e-30,
                "scale_gd_final_stretched", 0.5);
    }

    @Test
    void dqnCartPole() throws Exception {
        double[] kept = {500, 480.5};
        long[] at = {45_000, 50_000};
        double[] finals = {300.25, 499};
        assertWrites(new DqnCartPole.Metrics(2, 50_000, 100, kept, at, 490.25, finals, 399.625, true, 812.5),
                "seeds", 2, "steps_per_seed", 50_000L, "final_eval_episodes", 100,
                "kept_policy_mean_return_per_seed", kept, "kept_policy_step_per_seed", at,
                "median_kept_policy_mean_return", 490.25, "final_policy_mean_return_per_seed", finals,
                "median_final_policy_mean_return", 399.625, "solved", true, "median_frames_per_second", 812.5);
    }

    @Test
    void reinforceCartPole() throws Exception {
        double[] finals = {500.0};
        assertWrites(new ReinforceCartPole.Metrics(1, 100_000, finals, 500),
                "seeds", 1, "steps_per_seed", 100_000L, "final_mean_return_per_seed", finals,
                "median_final_mean_return", 500.0);
    }

    @Test
    void dqnMinAtarWithAGameThePaperLeavesOut() throws Exception {
        assertWrites(new DqnMinAtar.Metrics("breakout", 2.5e-4, 30_000, 0, 1234, 5.5, 6.25, Double.NaN, 950.5),
                "game", "breakout", "step_size", 2.5e-4, "frames", 30_000L, "resumed_from_frame", 0L,
                "episodes", 1234L, "last_100_training_episodes_mean_return", 5.5, "final_greedy_mean_return", 6.25,
                "published_dqn_at_5M_frames", Double.NaN, "frames_per_second", 950.5);
    }

    @Test
    void rl4jVsPrimer() throws Exception {
        assertWrites(new Rl4jVsPrimer.Metrics("minatar-breakout", 3000, "FusedQNet", 900.5, 150.25, 5.99, 1.5, 0.5),
                "task", "minatar-breakout", "steps_each", 3000, "primer_q_step", "FusedQNet",
                "primer_frames_per_second", 900.5, "rl4j_frames_per_second", 150.25, "speedup", 5.99,
                "primer_greedy_mean_return", 1.5, "rl4j_greedy_mean_return", 0.5);
    }
}
