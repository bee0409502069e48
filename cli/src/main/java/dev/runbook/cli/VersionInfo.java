package dev.runbook.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;

/**
 * What {@code runbook --version} prints: the version and git commit that the build wrote into {@code version.properties}
 * (see the cli pom), and the Java it runs on. A build without git, or outside a clone, says "unknown".
 */
final class VersionInfo implements CommandLine.IVersionProvider {
    static final String RESOURCE = "version.properties";
    static final String UNKNOWN = "unknown";

    @Override
    public String[] getVersion() {
        Properties built = read();
        return lines(built.getProperty("version"), built.getProperty("commit"));
    }

    static String[] lines(String version, String commit) {
        return new String[] {
            "runbook " + known(version) + " (commit " + known(commit) + ")",
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ", "
                    + System.getProperty("java.vendor") + ", " + System.getProperty("java.home") + ")"
        };
    }

    /** Empty, missing, or a placeholder the build did not fill in ({@code ${...}}) is unknown. */
    static String known(String value) {
        if (value == null || value.isBlank() || value.contains("${")) {
            return UNKNOWN;
        }
        return value.strip();
    }

    private static Properties read() {
        Properties props = new Properties();
        try (InputStream in = VersionInfo.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                props.load(in);
            }
        } catch (IOException e) {
            // a jar we cannot read our own resource from: the version is unknown, the tool still works
        }
        return props;
    }
}
