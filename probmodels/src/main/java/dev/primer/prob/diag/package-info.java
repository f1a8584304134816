/** MCMC diagnostics: effective sample size (Geyer's initial monotone sequence) and split R̂. */
package dev.primer.prob.diag;
