/**
 * Differentiation three ways: analytic gradients (targets), reverse mode through SameDiff graphs
 * ({@link dev.primer.prob.autodiff.SameDiffFunction}, {@link dev.primer.prob.autodiff.SameDiffMap}) and forward
 * mode with hyper-dual numbers ({@link dev.primer.prob.autodiff.ForwardMode}), plus finite differences as the
 * reference.
 */
package dev.primer.prob.autodiff;
