/**
 * Markov chain Monte Carlo as pure kernels over immutable states ({@link dev.primer.prob.mcmc.Kernel}): Metropolis
 * (random-walk, independent), Langevin (MALA, ULA, SGLD), HMC and NUTS with Stan's windowed adaptation, and
 * {@link dev.primer.prob.mcmc.Chains} to run several chains in parallel.
 */
package dev.primer.prob.mcmc;
