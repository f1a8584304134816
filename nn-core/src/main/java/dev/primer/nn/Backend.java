package dev.primer.nn;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.bytedeco.javacpp.Pointer;
import org.deeplearning4j.nn.layers.mkldnn.BaseMKLDNNHelper;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * The one place that prepares and reports ND4J's native backend.
 *
 * <p>{@link #init()} must run before any other ND4J class loads: it picks an OpenBLAS kernel set the
 * CPU really has (OpenBLAS 0.3.19 does not recognise recent CPUs and falls back to its oldest
 * kernels), sizes the thread pools ({@code OMP_NUM_THREADS}, else {@code -Dprimer.threads}, else 1)
 * and switches DL4J's oneDNN layer helpers on (they are off by default in M2.1). Unless set, it also turns off
 * JavaCPP's physical-memory check ({@link #PHYSICAL_BYTES}), which reads the process's resident size under a
 * global lock on every native allocation — about a fifth of a small network's training step; JavaCPP's
 * {@code maxBytes} guard (off-heap bytes it tracks, bounded by the heap size) stays on.
 */
public final class Backend {
    /** DL4J's switch for layer helpers (cuDNN / oneDNN); M2.1 defaults it to {@code true}. */
    public static final String HELPERS_DISABLE = "org.eclipse.deeplearning4j.helpers.disable";
    /** Set to {@code false} to run the plain DL4J layers (no oneDNN helpers). */
    public static final String ONEDNN_PROPERTY = "primer.onednn";
    /** Threads for native ops when {@code OMP_NUM_THREADS} is unset (default 1: see nn-core/docs/performance.md). */
    public static final String THREADS_PROPERTY = "primer.threads";
    /** JavaCPP's limit on the process's physical memory; 0 disables the per-allocation check. */
    public static final String PHYSICAL_BYTES = "org.bytedeco.javacpp.maxPhysicalBytes";
    private static final String CORETYPE = "OPENBLAS_CORETYPE";
    private static final String OMP_THREADS = "OMP_NUM_THREADS";
    private static final String OPENBLAS_THREADS = "OPENBLAS_NUM_THREADS";

    private static volatile Info info;

    private Backend() {
    }

    /** What is active: backend, native build, BLAS kernel set, threads, whether oneDNN helpers run. */
    public record Info(String backend, String blasVendor, String openBlasCoreType, String coreTypeSource,
                       int threads, boolean oneDnnCompiled, boolean oneDnnHelpers, String cpuFlags,
                       long maxPhysicalBytes) {
        /** One human-readable line for logs and results. */
        public String summary() {
            return String.format(Locale.ROOT, "%s, %s (%s, %s), %d thread(s), oneDNN helpers %s, JavaCPP physical-"
                            + "memory check %s", backend, blasVendor, openBlasCoreType, coreTypeSource, threads,
                    oneDnnHelpers ? "on" : oneDnnCompiled ? "off" : "not compiled in",
                    maxPhysicalBytes > 0 ? "at " + (maxPhysicalBytes >> 20) + " MiB" : "off");
        }
    }

    /** Prepares the native backend once per JVM and returns what became active; idempotent. */
    public static synchronized Info init() {
        if (info != null) {
            return info;
        }
        if (System.getProperty(PHYSICAL_BYTES) == null && System.getProperty(PHYSICAL_BYTES.toLowerCase(Locale.ROOT)) == null) {
            System.setProperty(PHYSICAL_BYTES, "0");
        }
        Set<String> flags = cpuFlags();
        String preset = System.getenv(CORETYPE);
        String coreType;
        String source;
        if (preset != null && !preset.isBlank()) {
            coreType = preset;
            source = "from environment";
        } else {
            coreType = coreTypeFor(flags);
            source = coreType == null ? "OpenBLAS default" : "chosen from CPU flags";
            if (coreType != null) {
                LibC.INSTANCE.setenv(CORETYPE, coreType, 1);
            }
        }
        int threads = configuredThreads();
        String blasThreads = System.getenv(OPENBLAS_THREADS);
        if (blasThreads == null || blasThreads.isBlank()) {
            LibC.INSTANCE.setenv(OPENBLAS_THREADS, Integer.toString(threads), 1);
        }
        boolean helpers = !"false".equalsIgnoreCase(System.getProperty(ONEDNN_PROPERTY, "true"));
        System.setProperty(HELPERS_DISABLE, Boolean.toString(!helpers));
        Nd4j.getEnvironment().allowHelpers(helpers);
        boolean compiled = org.nd4j.nativeblas.Nd4jCpu.Environment.getInstance().isUseMKLDNN();
        String env = Nd4j.getExecutioner().getEnvironmentInformation().getProperty("backend", "?");
        info = new Info(env, Nd4j.factory().blas().getBlasVendor().toString(),
                coreType == null ? "auto" : coreType, source, threads,
                compiled, helpers && BaseMKLDNNHelper.mklDnnEnabled(),
                flags.stream().filter(f -> f.startsWith("avx")).sorted().collect(Collectors.joining(" ")),
                Pointer.maxPhysicalBytes());
        applyThreads(threads);
        return info;
    }

    /** Threads ND4J uses for native ops (OpenMP, oneDNN) and BLAS. */
    public static int threads() {
        return init().threads();
    }

    /** Sets the threads ND4J uses for native ops (OpenMP, oneDNN) and BLAS. */
    public static synchronized void setThreads(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + n);
        }
        Info i = init();
        applyThreads(n);
        info = new Info(i.backend(), i.blasVendor(), i.openBlasCoreType(), i.coreTypeSource(), n,
                i.oneDnnCompiled(), i.oneDnnHelpers(), i.cpuFlags(), i.maxPhysicalBytes());
    }

    /**
     * ND4J sizes its OpenMP pool from the JVM's startup environment (all cores when OMP_NUM_THREADS is
     * unset), so the pool, libnd4j's own limit and OpenBLAS are all set here explicitly.
     */
    private static void applyThreads(int n) {
        NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(n);
        Nd4j.getEnvironment().setMaxMasterThreads(n);
        Nd4j.getEnvironment().setMaxThreads(n);
        Nd4j.factory().blas().setMaxThreads(n);
    }

    /** OMP_NUM_THREADS if set, else {@code -Dprimer.threads}, else 1. */
    private static int configuredThreads() {
        String omp = System.getenv(OMP_THREADS);
        String v = omp != null && !omp.isBlank() ? omp : System.getProperty(THREADS_PROPERTY, "1");
        try {
            return Math.max(1, Integer.parseInt(v.trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("thread count '" + v + "' (OMP_NUM_THREADS or -D" + THREADS_PROPERTY
                    + ") is not a number", e);
        }
    }

    /**
     * The newest OpenBLAS 0.3.19 kernel set whose instructions this CPU has, or null to keep
     * OpenBLAS's own choice: AVX-512 (F, BW, VL, DQ) → SkylakeX, AVX2 + FMA → Haswell.
     */
    static String coreTypeFor(Set<String> flags) {
        if (flags.containsAll(Set.of("avx512f", "avx512bw", "avx512vl", "avx512dq"))) {
            return "SkylakeX";
        }
        if (flags.containsAll(Set.of("avx2", "fma"))) {
            return "Haswell";
        }
        return null;
    }

    private static Set<String> cpuFlags() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("flags"))
                    .findFirst()
                    .map(l -> Set.of(l.substring(l.indexOf(':') + 1).trim().split("\\s+")))
                    .orElse(Set.of());
        } catch (IOException e) {
            return Set.of();
        }
    }

    private interface LibC extends Library {
        LibC INSTANCE = Native.loadLibrary("c", LibC.class);

        int setenv(String name, String value, int overwrite);
    }
}
