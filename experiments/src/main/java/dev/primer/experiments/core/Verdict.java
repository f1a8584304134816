package dev.primer.experiments.core;

import java.util.Locale;

/** Whether a run's measured figures reproduce its claim, as the experiment judges them from its metrics. */
public enum Verdict {
    REPRODUCED, PARTLY, NOT_REPRODUCED, NOT_JUDGED;

    /** The words the report and result.json use, e.g. "not reproduced". */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** The verdict labelled {@code label} (see {@link #label()}); null or unknown labels read as NOT_JUDGED. */
    public static Verdict ofLabel(String label) {
        for (Verdict v : values()) {
            if (v.label().equals(label)) {
                return v;
            }
        }
        return NOT_JUDGED;
    }

    /** REPRODUCED when {@code full} holds, else PARTLY when {@code part} does, else NOT_REPRODUCED. */
    public static Verdict of(boolean full, boolean part) {
        return full ? REPRODUCED : part ? PARTLY : NOT_REPRODUCED;
    }
}
