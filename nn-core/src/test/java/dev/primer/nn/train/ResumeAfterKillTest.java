package dev.primer.nn.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primer.nn.Net;
import dev.primer.nn.Networks;
import dev.primer.nn.Networks.ImageShape;
import dev.primer.nn.data.ArrayDataset;
import dev.primer.nn.data.Datasets;
import dev.primer.nn.optim.Updates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A training process killed with SIGKILL resumes from its last checkpoint, loses at most one checkpoint
 * interval, and then follows exactly the trajectory of a run that was never interrupted.
 */
class ResumeAfterKillTest {
    static final int EVERY = 20;
    static final int STEPS = 160;

    @TempDir
    Path dir;

    /** The run the child process performs (and the test repeats), sharing every setting. */
    static Trainer trainer(Path out, long maxSteps) {
        return new Trainer(Trainer.Config.of(32, 1000, 11).withMaxSteps(maxSteps).withOutput(out, EVERY));
    }

    static Net fresh() {
        return Net.of(Networks.convnet(new ImageShape(1, 8, 8), 10, Updates.adam(1e-3), 11));
    }

    static ArrayDataset data() {
        return Datasets.digits().head(600);
    }

    /** Child process entry: train "forever" into {@code args[0]}. */
    public static void main(String[] args) {
        trainer(Path.of(args[0]), 0).run(ResumeAfterKillTest::fresh, data(), null);
    }

    @Test
    void sigkillLosesAtMostOneCheckpointInterval() throws Exception {
        Trainer.Result resumed = KillAndResume.resumesLikeAStraightRun(ResumeAfterKillTest.class, dir, 3 * EVERY,
                EVERY, f -> Checkpoint.read(f).state().step(),
                out -> trainer(out, STEPS).run(ResumeAfterKillTest::fresh, data(), null));
        assertEquals(STEPS, resumed.state().step());
        List<String> rows = Files.readAllLines(dir.resolve("run").resolve(RunDirectory.TRAIN));
        assertEquals(STEPS + 1, rows.size(), "train.csv holds each step once, plus its header");
    }

    @Test
    void aCheckpointOfAnotherSeedIsRefusedNotSilentlyContinued() throws Exception {
        Path run = dir.resolve("other");
        trainer(run, 0).fit(fresh(), TrainState.start(11, 32), data().head(64), null);
        Checkpoint.write(run.resolve(RunDirectory.CHECKPOINT), fresh(), new TrainState(2, 0, 2, 11, 32, 11, Double.NaN, 0, 1));
        Files.deleteIfExists(run.resolve(Trainer.SUMMARY));
        Trainer otherSeed = new Trainer(Trainer.Config.of(32, 2, 12).withOutput(run, EVERY));
        IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> otherSeed.run(ResumeAfterKillTest::fresh, data(), null));
        assertTrue(e.getMessage().contains("seed 11") && e.getMessage().contains("not seed 12"), e.getMessage());
    }

    @Test
    void aCorruptNewestCheckpointResumesFromThePreviousOne() throws Exception {
        Path run = dir.resolve("corrupt");
        trainer(run, 2 * EVERY + EVERY / 2).run(ResumeAfterKillTest::fresh, data(), null);
        Files.delete(run.resolve(Trainer.SUMMARY));
        Path ckpt = run.resolve(RunDirectory.CHECKPOINT);
        assertEquals(2 * EVERY, Checkpoint.read(SealedFile.previous(ckpt)).state().step());
        byte[] bytes = Files.readAllBytes(ckpt);
        bytes[bytes.length / 3] ^= 0x10;
        Files.write(ckpt, bytes);

        Trainer.Result resumed = trainer(run, STEPS).run(ResumeAfterKillTest::fresh, data(), null);
        assertEquals(2 * EVERY, resumed.resumedFrom());
        assertEquals(STEPS, resumed.state().step());
        Trainer.Result straight = trainer(dir.resolve("straight"), STEPS).run(ResumeAfterKillTest::fresh, data(), null);
        assertEquals(straight.net().params(), resumed.net().params(), "resumed run diverged from uninterrupted run");
        assertEquals(STEPS + 1, Files.readAllLines(run.resolve(RunDirectory.TRAIN)).size());
    }
}
