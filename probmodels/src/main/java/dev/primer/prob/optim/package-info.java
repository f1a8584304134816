/**
 * Optimisers for the "exact way vs cheap way" comparison: first-order rules as pure init/step pairs
 * ({@link dev.primer.prob.optim.Sgd}, {@link dev.primer.prob.optim.Momentum}, {@link dev.primer.prob.optim.RmsProp},
 * {@link dev.primer.prob.optim.Adam}) and second-order descent methods ({@link dev.primer.prob.optim.Newton},
 * {@link dev.primer.prob.optim.NewtonCg}).
 */
package dev.primer.prob.optim;
