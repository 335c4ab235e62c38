package marketsim.results;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import marketsim.core.random.Streams;

/**
 * What decides the numbers in a results folder besides its scenario and seeds: the tool, its
 * version and build, its generator; and how it was asked: the command line.
 */
public final class Provenance {
    private static final String UNKNOWN = "unknown";
    private static final Properties BUILD = readBuild();
    /** The arguments of this process's command, once the command line is parsed; empty in library use. */
    private static volatile List<String> commandLine = List.of();

    private Provenance() {
    }

    /**
     * Names the tool, its version, build and random generator, and the command line that asked
     * for the folder: with the resolved scenario and the seeds, what decides the numbers in it.
     */
    public static void putTool(ObjectNode manifest) {
        manifest.put("tool", "marketsim");
        manifest.put("tool_version", toolVersion());
        manifest.put("tool_build", build());
        manifest.put("random_generator", Streams.ALGORITHM);
        ArrayNode args = manifest.putArray("command_line");
        commandLine.forEach(args::add);
        manifest.put("working_directory", Path.of("").toAbsolutePath().toString());
    }

    /** Records the arguments given to {@code marketsim} (after the program name), for every manifest this process writes. */
    public static void recordCommandLine(List<String> args) {
        commandLine = List.copyOf(args);
    }

    /**
     * The version, build and generator, for journals: one written by another engine is never
     * resumed. A build from a tree with uncommitted changes says so, but two such builds of the
     * same commit look alike.
     */
    public static String engine() {
        return toolVersion() + "+" + build() + "/" + Streams.ALGORITHM;
    }

    /** The tool's version, from the build. */
    public static String toolVersion() {
        return BUILD.getProperty("version", UNKNOWN);
    }

    /**
     * The build identity recorded at build time: the git commit, with "-dirty" when the tree had
     * uncommitted changes; "unknown" for a build outside a git checkout.
     */
    public static String build() {
        String commit = BUILD.getProperty("commit", "");
        if (commit.isEmpty() || commit.startsWith("${")) {
            return UNKNOWN;
        }
        return Boolean.parseBoolean(BUILD.getProperty("dirty")) ? commit + "-dirty" : commit;
    }

    private static Properties readBuild() {
        Properties p = new Properties();
        try (InputStream in = Provenance.class.getResourceAsStream("/marketsim/version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // an unreadable resource reads as an unknown version and build
        }
        return p;
    }
}
