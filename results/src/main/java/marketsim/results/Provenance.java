package marketsim.results;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import com.fasterxml.jackson.databind.node.ObjectNode;
import marketsim.core.random.Streams;

/** What decides the numbers in a results folder besides its scenario and seeds: the tool, its version, its generator. */
public final class Provenance {
    private Provenance() {
    }

    /**
     * Names the tool, its version and its random generator in a manifest: with the resolved
     * scenario and the seeds, what decides the numbers in the folder.
     */
    public static void putTool(ObjectNode manifest) {
        manifest.put("tool", "marketsim");
        manifest.put("tool_version", toolVersion());
        manifest.put("random_generator", Streams.ALGORITHM);
    }

    /** The version and the generator, for journals: one written by another engine is never resumed. */
    public static String engine() {
        return toolVersion() + "/" + Streams.ALGORITHM;
    }

    /** The tool's version, from the build. */
    public static String toolVersion() {
        try (InputStream in = Provenance.class.getResourceAsStream("/marketsim/version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
