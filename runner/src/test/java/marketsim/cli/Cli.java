package marketsim.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the command line in-process with captured writers, or as a user does, in a process of its own. */
record Cli(int code, String out, String err) {
    static Cli run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Cli(code, out.toString(), err.toString());
    }

    /**
     * Runs {@code marketsim ARGS} in a new JVM, as the launcher does: what it prints at exit (a shutdown hook's
     * stack trace) counts too.
     */
    static Cli process(String... args) throws Exception {
        return finish(start(List.of(), args), args);
    }

    /**
     * As {@link #process}, subject to file permissions even when the tests run as root (who may write anywhere):
     * there the JVM runs without the capabilities that override them ({@code setpriv}; skipped where missing).
     */
    static Cli unprivileged(String... args) throws Exception {
        if (!"root".equals(System.getProperty("user.name"))) {
            return process(args);
        }
        List<String> setpriv = List.of("setpriv", "--bounding-set=-dac_override,-dac_read_search");
        try {
            Process probe = new ProcessBuilder(setpriv.get(0), setpriv.get(1), "true").start();
            org.junit.jupiter.api.Assumptions.assumeTrue(probe.waitFor() == 0, "setpriv cannot drop capabilities here");
        } catch (java.io.IOException e) {
            org.junit.jupiter.api.Assumptions.abort("no setpriv to drop root's capabilities: " + e.getMessage());
        }
        return finish(start(setpriv, args), args);
    }

    private static Cli finish(Process p, String... args) throws Exception {
        Path out = Files.createTempFile("marketsim-out", ".txt");
        Path err = Files.createTempFile("marketsim-err", ".txt");
        try {
            Thread pumpOut = pump(p.getInputStream(), out);
            Thread pumpErr = pump(p.getErrorStream(), err);
            if (!p.waitFor(5, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new AssertionError("marketsim " + String.join(" ", args) + " did not finish in 5 minutes");
            }
            pumpOut.join();
            pumpErr.join();
            return new Cli(p.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** {@code marketsim ARGS} started in a new JVM (headless), its output to be read or discarded by the caller. */
    static Process start(String... args) throws Exception {
        return start(List.of(), args);
    }

    private static Process start(List<String> prefix, String... args) throws Exception {
        List<String> command = new ArrayList<>(prefix);
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).start();
    }

    private static Thread pump(java.io.InputStream in, Path to) {
        Thread t = new Thread(() -> {
            try (in) {
                Files.copy(in, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        t.start();
        return t;
    }
}
