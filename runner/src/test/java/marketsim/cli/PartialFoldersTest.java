package marketsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hidden {@code .NAME.partial-*} folders of killed runs: removed by the next run into the same parent (only
 * those whose writer is gone), and refused by the commands that read results folders.
 */
class PartialFoldersTest {
    private static final String[] SMALL = {"--reps", "2", "--ticks", "10", "--set", "population.size=300", "-q",
            "--no-charts"};

    @TempDir
    Path dir;

    private String[] run(Path out) {
        return Stream.concat(Stream.of("run", "classroom", "--out", out.toString()), Stream.of(SMALL))
                .toArray(String[]::new);
    }

    private Stream<String> hidden() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".")).toList().stream();
        }
    }

    /** A killed run's partial folder goes with the next run into the parent; a running one's stays. */
    @Test
    void theNextRunRemovesAKilledRunsPartialFolderButNotARunningOnes() throws Exception {
        Process killed = Cli.start("run", "jeo-baseline", "--reps", "200", "--threads", "1", "-q", "--out",
                dir.resolve("killed").toString());
        waitForPartialFolder(".killed.partial-");
        killed.destroyForcibly();
        assertThat(killed.waitFor(30, TimeUnit.SECONDS)).isTrue();
        Process running = Cli.start("run", "jeo-baseline", "--reps", "200", "--threads", "1", "-q", "--out",
                dir.resolve("running").toString());
        try {
            waitForPartialFolder(".running.partial-");
            Cli next = Cli.run(run(dir.resolve("next")));
            assertThat(next.code()).as(next.err()).isZero();
            assertThat(hidden()).noneMatch(n -> n.startsWith(".killed.partial-"))
                    .anyMatch(n -> n.startsWith(".running.partial-"));
        } finally {
            running.destroyForcibly();
            running.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private void waitForPartialFolder(String prefix) throws Exception {
        for (int i = 0; i < 300 && hidden().noneMatch(n -> n.startsWith(prefix) && !n.endsWith(".lock")); i++) {
            Thread.sleep(100);
        }
        assertThat(hidden()).as("a partial folder %s*", prefix).anyMatch(n -> n.startsWith(prefix));
    }

    /** chart, report and merge refuse a partial folder: it is not a result, whatever it holds. */
    @Test
    void commandsThatReadResultsRefuseAPartialFolder() throws Exception {
        Path out = dir.resolve("run");
        assertThat(Cli.run(run(out)).code()).isZero();
        Path partial = dir.resolve(".run.partial-42");
        Files.move(out, partial);
        for (String[] command : new String[][] {{"chart", partial.toString()}, {"report", partial.toString()},
                {"merge", partial.toString(), "--out", dir.resolve("merged").toString()}}) {
            Cli cli = Cli.run(command);
            assertThat(cli.code()).as(String.join(" ", command) + "\n" + cli.err()).isEqualTo(2);
            assertThat(cli.err()).contains(partial.toString()).contains("partial folder").doesNotContain("\tat ");
        }
    }
}
