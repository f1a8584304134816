package dev.primer.prob.linalg;

/** Dense double[] vector and small-matrix helpers; every method allocates its result. */
public final class Vec {
    private Vec() {
    }

    /** The dot product of equal-length vectors. */
    public static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** The Euclidean norm. */
    public static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }

    /** {@code a + s·b}. */
    public static double[] axpy(double[] a, double s, double[] b) {
        double[] r = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = a[i] + s * b[i];
        }
        return r;
    }

    /** {@code s·a}. */
    public static double[] scale(double s, double[] a) {
        double[] r = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = s * a[i];
        }
        return r;
    }

    /** A vector of {@code n} copies of {@code v}. */
    public static double[] fill(int n, double v) {
        double[] r = new double[n];
        java.util.Arrays.fill(r, v);
        return r;
    }

    /** The unit vector e_i of length n. */
    public static double[] unit(int n, int i) {
        double[] r = new double[n];
        r[i] = 1;
        return r;
    }

    /** {@code A·x} for a row-major square or rectangular matrix. */
    public static double[] mul(double[][] a, double[] x) {
        double[] r = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = dot(a[i], x);
        }
        return r;
    }

    /**
     * The lower Cholesky factor L with {@code A = L·Lᵀ} (Golub &amp; Van Loan 2013, Alg. 4.2.1), or null when
     * {@code A} is not numerically positive definite.
     */
    public static double[][] cholesky(double[][] a) {
        int n = a.length;
        double[][] l = new double[n][n];
        for (int j = 0; j < n; j++) {
            double s = a[j][j];
            for (int k = 0; k < j; k++) {
                s -= l[j][k] * l[j][k];
            }
            if (!(s > 0)) {
                return null;
            }
            l[j][j] = Math.sqrt(s);
            for (int i = j + 1; i < n; i++) {
                double t = a[i][j];
                for (int k = 0; k < j; k++) {
                    t -= l[i][k] * l[j][k];
                }
                l[i][j] = t / l[j][j];
            }
        }
        return l;
    }

    /** Solves {@code L·Lᵀ x = b} given the Cholesky factor L. */
    public static double[] choleskySolve(double[][] l, double[] b) {
        int n = b.length;
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double s = b[i];
            for (int k = 0; k < i; k++) {
                s -= l[i][k] * y[k];
            }
            y[i] = s / l[i][i];
        }
        double[] x = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double s = y[i];
            for (int k = i + 1; k < n; k++) {
                s -= l[k][i] * x[k];
            }
            x[i] = s / l[i][i];
        }
        return x;
    }

    /** The inverse of a symmetric positive-definite matrix, via Cholesky; throws if it is not one. */
    public static double[][] spdInverse(double[][] a) {
        double[][] l = cholesky(a);
        if (l == null) {
            throw new IllegalArgumentException("matrix is not positive definite");
        }
        int n = a.length;
        double[][] inv = new double[n][];
        for (int j = 0; j < n; j++) {
            inv[j] = choleskySolve(l, unit(n, j));
        }
        return inv;
    }
}
