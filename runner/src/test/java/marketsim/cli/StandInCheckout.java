package marketsim.cli;

import java.io.File;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;

/**
 * The real {@code marketsim} launcher in a stand-in checkout, for tests of what the launcher itself does: the script
 * beside a runner/target/marketsim-all.jar whose manifest runs {@link Main} on the test's class path (this build's
 * classes), and no sources, so the launcher does not build.
 */
public final class StandInCheckout {
    private StandInCheckout() {
    }

    /** The stand-in checkout under {@code dir}; returns the launcher's path. Skips the test without a launcher. */
    public static Path launcher(Path dir) throws Exception {
        Path launcher = Path.of("..", "marketsim").toAbsolutePath().normalize();
        Assumptions.assumeTrue(Files.isRegularFile(launcher), "the launcher is at the checkout's root");
        Path checkout = Files.createDirectories(dir.resolve("checkout"));
        Files.copy(launcher, checkout.resolve("marketsim"));
        Path jar = Files.createDirectories(checkout.resolve("runner/target")).resolve("marketsim-all.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "marketsim.cli.Main");
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, Stream.of(System.getProperty("java.class.path")
                .split(File.pathSeparator)).map(p -> Path.of(p).toUri().toString()).collect(Collectors.joining(" ")));
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out, manifest)) {
            j.flush();
        }
        return checkout.resolve("marketsim");
    }
}
