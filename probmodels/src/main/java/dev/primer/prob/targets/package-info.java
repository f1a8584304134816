/**
 * Test densities with known moments (Gaussians, Haario's banana, Neal's funnel, mixtures), Welling &amp; Teh's
 * mixture posterior, and optimisation test functions (quadratic, Rosenbrock, logistic regression).
 */
package dev.primer.prob.targets;
