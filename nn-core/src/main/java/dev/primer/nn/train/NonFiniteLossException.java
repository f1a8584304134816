package dev.primer.nn.train;

import java.nio.file.Path;

/** Training stopped because the loss became NaN or infinite; the network holds the last good parameters. */
public final class NonFiniteLossException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final long step;
    private final transient Path lastGood;

    NonFiniteLossException(long step, double loss, Path lastGood) {
        super("loss became " + loss + " at step " + step + "; training stopped, the network was rolled back to"
                + " step " + (step - 1) + (lastGood == null ? "" : " and saved to " + lastGood)
                + ". Lower the learning rate or clip gradients.");
        this.step = step;
        this.lastGood = lastGood;
    }

    /** The step whose loss was not finite. */
    public long step() {
        return step;
    }

    /** Where the last good model was saved, or null when the run has no output directory. */
    public Path lastGood() {
        return lastGood;
    }
}
