package dev.primer.prob.flow;

/** Dense Jacobians for the tests that check a transform's log-determinant against a numeric one. */
public final class Jacobians {
    private Jacobians() {
    }

    /** log |det j| by Gaussian elimination with partial pivoting, in double (j is left unchanged). */
    public static double logAbsDet(double[][] j) {
        int d = j.length;
        double[][] m = new double[d][];
        for (int i = 0; i < d; i++) {
            m[i] = j[i].clone();
        }
        double logDet = 0;
        for (int c = 0; c < d; c++) {
            int pivot = c;
            for (int i = c + 1; i < d; i++) {
                pivot = Math.abs(m[i][c]) > Math.abs(m[pivot][c]) ? i : pivot;
            }
            double[] t = m[c];
            m[c] = m[pivot];
            m[pivot] = t;
            logDet += Math.log(Math.abs(m[c][c]));
            for (int i = c + 1; i < d; i++) {
                double f = m[i][c] / m[c][c];
                for (int k = c; k < d; k++) {
                    m[i][k] -= f * m[c][k];
                }
            }
        }
        return logDet;
    }
}
