package dev.primer.experiments.core;

/** How much compute an experiment may use: QUICK finishes in minutes on 2 cores, FULL reproduces the claim. */
public enum Budget { QUICK, FULL }
