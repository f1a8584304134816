package dev.primer.prob.vae;

import dev.primer.nn.expr.ExprNet;
import dev.primer.nn.expr.Program;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The first two moments of a stochastic gradient estimator on one fixed minibatch, per parameter group, over
 * independent draws of its noise: E‖g‖² and tr Cov(g) (the variance summed over the group's coordinates, with the
 * unbiased 1/(R − 1)), from which ‖E g‖² = E‖g‖² − tr Cov(g) and the signal-to-noise ratio ‖E g‖²/tr Cov(g).
 *
 * @param group           the parameter group
 * @param meanSquaredNorm E‖g‖² estimated by the mean over the draws
 * @param traceCovariance tr Cov(g), unbiased
 * @param mean            the mean gradient over the draws, the group's coordinates in parameter order
 * @param draws           R, the number of draws
 */
public record GradientMoments(String group, double meanSquaredNorm, double traceCovariance, double[] mean,
                              int draws) {
    /** ‖E g‖²/tr Cov(g), with ‖E g‖² estimated as E‖g‖² − tr Cov(g) (negative when the noise hides the mean). */
    public double snr() {
        return (meanSquaredNorm - traceCovariance) / traceCovariance;
    }

    /**
     * The moments of {@code net}'s loss gradient on {@code batch} for each of {@code groups} (sets of parameter
     * names, each named by its key; they may overlap) over {@code draws} noise draws: draw
     * r is the noise of update r (so two networks of one seed draw the same ε on draw r). The network's update
     * counter is left at {@code draws}; its parameters are not changed.
     */
    public static Map<String, GradientMoments> of(ExprNet net, INDArray batch, Map<String, List<String>> groups,
                                                  int draws) {
        if (draws < 2) {
            throw new IllegalArgumentException("moments need at least 2 draws, got " + draws);
        }
        Map<String, int[]> offsets = offsets(net.program());
        Map<String, List<int[]>> ranges = new LinkedHashMap<>();
        groups.forEach((g, names) -> {
            List<int[]> rs = new ArrayList<>();
            for (String name : names) {
                int[] r = offsets.get(name);
                if (r == null) {
                    throw new IllegalArgumentException("group " + g + ": the program has no parameter '" + name
                            + "'");
                }
                rs.add(r);
            }
            ranges.put(g, rs);
        });
        Map<String, double[]> sums = new LinkedHashMap<>();
        Map<String, double[]> squares = new LinkedHashMap<>();
        ranges.forEach((g, rs) -> {
            sums.put(g, new double[rs.stream().mapToInt(r -> r[1]).sum()]);
            squares.put(g, new double[1]);
        });
        for (int r = 0; r < draws; r++) {
            net.setIterations(r);
            net.gradient(batch);
            float[] grad = net.gradients().toFloatVector();
            ranges.forEach((g, rs) -> {
                double[] s = sums.get(g);
                double sq = 0;
                int at = 0;
                for (int[] range : rs) {
                    for (int i = range[0]; i < range[0] + range[1]; i++, at++) {
                        s[at] += grad[i];
                        sq += (double) grad[i] * grad[i];
                    }
                }
                squares.get(g)[0] += sq;
            });
        }
        Map<String, GradientMoments> out = new LinkedHashMap<>();
        sums.forEach((g, s) -> {
            double meanNormSq = 0;
            for (int i = 0; i < s.length; i++) {
                s[i] /= draws;
                meanNormSq += s[i] * s[i];
            }
            double meanSq = squares.get(g)[0] / draws;
            double trace = (meanSq - meanNormSq) * draws / (draws - 1);
            out.put(g, new GradientMoments(g, meanSq, trace, s, draws));
        });
        return out;
    }

    /** Each parameter's [offset, length] in the flat gradient: PARAM nodes in the order written (ExprNet#params). */
    private static Map<String, int[]> offsets(Program program) {
        Map<String, int[]> out = new LinkedHashMap<>();
        int at = 0;
        for (Program.Node n : program.nodes()) {
            if (n.op() == Program.Op.PARAM) {
                out.put(n.name(), new int[] {at, n.rows() * n.cols()});
                at += n.rows() * n.cols();
            }
        }
        return out;
    }
}
