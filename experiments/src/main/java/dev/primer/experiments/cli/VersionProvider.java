package dev.primer.experiments.cli;

import picocli.CommandLine;

/** Reports the build version from the jar manifest, or "dev" when run from classes. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = Main.class.getPackage().getImplementationVersion();
        return new String[] {"primer " + (v == null ? "0.1.0-SNAPSHOT (dev)" : v),
                "Java " + System.getProperty("java.version") + ", DL4J/ND4J 1.0.0-M2.1"};
    }
}
