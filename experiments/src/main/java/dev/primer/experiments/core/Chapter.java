package dev.primer.experiments.core;

/** The primer's chapters, in the order the report shows them; {@link #OTHER} holds experiments that name none. */
public enum Chapter {
    REPRESENT("What nets can represent and memorise"),
    OPTIMISE("Optimisation and sampling"),
    CONVNETS("Convnets"),
    SEQUENCES("Sequences and memory"),
    REPRESENTATIONS("Representations"),
    RL_AND_GO("Reinforcement learning and Go"),
    PROBABILISTIC("Probabilistic models"),
    OTHER("Other experiments");

    private final String title;

    Chapter(String title) {
        this.title = title;
    }

    /** The chapter's heading in the report. */
    public String title() {
        return title;
    }
}
