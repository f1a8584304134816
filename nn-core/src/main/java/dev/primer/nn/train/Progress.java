package dev.primer.nn.train;

import java.time.Duration;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** The console progress bar of every primer training loop. */
public final class Progress {
    private Progress() {
    }

    /** A bar "train" over {@code total} steps standing at {@code start}, or null when {@code on} is false. */
    public static ProgressBar bar(boolean on, long total, long start) {
        if (!on) {
            return null;
        }
        return new ProgressBarBuilder().setTaskName("train").setInitialMax(total).startsFrom(start, Duration.ZERO)
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(500).build();
    }
}
