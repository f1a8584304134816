package org.nd4j.nativeblas;

/**
 * Compatibility shim for DL4J 1.0.0-M2.1's oneDNN switch.
 *
 * <p>{@code org.deeplearning4j.nn.layers.mkldnn.BaseMKLDNNHelper#mklDnnEnabled()} looks up
 * {@code org.nd4j.nativeblas.Nd4jCpu$Environment} by its pre-M2 name, calls the static
 * {@code getInstance()} and then {@code isUseMKLDNN()}. In M2.1 that class moved to
 * {@code org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu$Environment}, so the lookup fails and the
 * oneDNN layer helpers never switch on. This class answers under the old name and reports what the
 * native library itself says ({@code isUseONEDNN()}), so the helpers run exactly when libnd4jcpu
 * was built with oneDNN and has it enabled. See nn-core/docs/performance.md.
 */
public final class Nd4jCpu {
    private static final String NATIVE_ENVIRONMENT = "org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu$Environment";

    private Nd4jCpu() {
    }

    /** The pre-M2 view of the native environment that DL4J's helper check expects. */
    public static final class Environment {
        private static final Environment INSTANCE = new Environment();

        private Environment() {
        }

        /** The single instance, as in the native binding. */
        public static Environment getInstance() {
            return INSTANCE;
        }

        /**
         * True when the loaded libnd4jcpu has oneDNN compiled in and switched on; false on other backends
         * (the CPU binding is looked up reflectively so this class also loads under the CUDA backend).
         */
        public boolean isUseMKLDNN() {
            try {
                Class<?> env = Class.forName(NATIVE_ENVIRONMENT);
                Object instance = env.getMethod("getInstance").invoke(null);
                return (Boolean) env.getMethod("isUseONEDNN").invoke(instance);
            } catch (ReflectiveOperationException | LinkageError e) {
                return false;
            }
        }
    }
}
