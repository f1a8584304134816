package dev.primer.prob.gan;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.eigen.Eigen;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The Fréchet (2-Wasserstein) distance between Gaussians fitted to two sets of feature vectors, the FID of Heusel
 * et al. (2017, §3 and eq. 6) when the features are an image classifier's:
 * d² = ‖μ₁ − μ₂‖² + tr(Σ₁ + Σ₂ − 2 (Σ₁^½ Σ₂ Σ₁^½)^½) (Dowson &amp; Landau 1982).
 */
public final class Frechet {
    private Frechet() {
    }

    /**
     * The mean and (unbiased) covariance of a set of vectors.
     *
     * @param mean       μ
     * @param covariance Σ, symmetric
     */
    public record Moments(double[] mean, double[][] covariance) {
        /** The moments of the rows of {@code features} (n × d, n ≥ 2). */
        public static Moments of(INDArray features) {
            if (features.rank() != 2 || features.size(0) < 2) {
                throw new IllegalArgumentException("Fréchet moments need an n x d matrix with n >= 2 rows, got shape "
                        + java.util.Arrays.toString(features.shape()));
            }
            double[][] x = features.toDoubleMatrix();
            int n = x.length;
            int d = x[0].length;
            double[] mean = new double[d];
            for (double[] row : x) {
                for (int j = 0; j < d; j++) {
                    mean[j] += row[j] / n;
                }
            }
            double[][] cov = new double[d][d];
            for (double[] row : x) {
                for (int i = 0; i < d; i++) {
                    double di = row[i] - mean[i];
                    for (int j = i; j < d; j++) {
                        cov[i][j] += di * (row[j] - mean[j]) / (n - 1);
                    }
                }
            }
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < i; j++) {
                    cov[i][j] = cov[j][i];
                }
            }
            return new Moments(mean, cov);
        }
    }

    /** d² between the Gaussians N(a.mean, a.covariance) and N(b.mean, b.covariance). */
    public static double distance(Moments a, Moments b) {
        int d = a.mean().length;
        if (b.mean().length != d) {
            throw new IllegalArgumentException("Fréchet distance between " + d + "-d and " + b.mean().length
                    + "-d features");
        }
        double meanTerm = 0;
        double traces = 0;
        for (int i = 0; i < d; i++) {
            double diff = a.mean()[i] - b.mean()[i];
            meanTerm += diff * diff;
            traces += a.covariance()[i][i] + b.covariance()[i][i];
        }
        INDArray rootA = sqrtPsd(Nd4j.createFromArray(a.covariance()));
        INDArray inner = rootA.mmul(Nd4j.createFromArray(b.covariance())).mmul(rootA);
        double traceRoot = 0;
        for (double lambda : eigenvalues(inner).toDoubleVector()) {
            traceRoot += Math.sqrt(Math.max(lambda, 0));
        }
        return meanTerm + traces - 2 * traceRoot;
    }

    /** The feature moments' distance: {@link #distance(Moments, Moments)} of the rows of two matrices. */
    public static double distance(INDArray a, INDArray b) {
        return distance(Moments.of(a), Moments.of(b));
    }

    /** The symmetric square root V diag(√λ⁺) Vᵀ of a symmetric positive semi-definite matrix. */
    private static INDArray sqrtPsd(INDArray m) {
        INDArray v = symmetrized(m);
        INDArray lambda = Eigen.symmetricGeneralizedEigenvalues(v, true);
        INDArray root = Transforms.sqrt(Transforms.max(lambda, 0.0), false);
        return v.mulRowVector(root).mmul(v.transpose());
    }

    /** The eigenvalues of a symmetric matrix, in double precision. */
    private static INDArray eigenvalues(INDArray m) {
        return Eigen.symmetricGeneralizedEigenvalues(symmetrized(m), false);
    }

    /** (M + Mᵀ)/2 as a fresh double matrix: removes the rounding asymmetry before the symmetric eigensolver. */
    private static INDArray symmetrized(INDArray m) {
        return m.add(m.transpose()).muli(0.5).castTo(DataType.DOUBLE).dup('c');
    }
}
