package marketsim.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sharded sweep as a real Slurm job array: four array tasks each run one slice of the sweep with
 * the runnable jar, merge joins their shard folders, and the result must equal the same sweep run
 * on one machine, file by file. Needs a running cluster (.ci/slurm/start.sh) and the jar built by
 * package: {@code mvn -B -Pslurm -pl runner -am verify}. Skipped where there is no sbatch.
 */
@Tag("slurm")
class SlurmSweepTest {
    private static final int SHARDS = 4;
    private static final long WAIT_MINUTES = 15;
    /** Manifest fields that say how and when a folder was made, not what it holds. */
    private static final List<String> VOLATILE = List.of("started", "finished", "threads", "shards", "command_line", "working_directory");

    @TempDir
    Path dir;

    private static List<String> sweep(Path out, String... extra) {
        List<String> args = new ArrayList<>(List.of("sweep", "platform-squeeze",
                "--vary", "platform.take_rate=0.1:0.4:0.1", "--reps", "2", "--seed", "7",
                "--set", "population.size=500", "--set", "horizon=30", "--threads", "1", "-q", "--no-charts"));
        args.addAll(List.of(extra));
        args.addAll(List.of("--out", out.toString()));
        return args;
    }

    @Test
    void jobArrayShardsMergeIntoTheOneMachineSweep() throws Exception {
        assumeTrue(onPath("sbatch"), "sbatch is not on the PATH: no Slurm here");
        Path jar = Path.of(System.getProperty("marketsim.jar", "target/marketsim-all.jar")).toAbsolutePath();
        assertThat(jar).as("the runnable jar (built by package)").isRegularFile();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();

        // The job script: one slice per array task, with the JVM that runs this test.
        List<String> command = new ArrayList<>(List.of(java, "-jar", jar.toString()));
        command.addAll(sweep(dir.resolve("shard-${SLURM_ARRAY_TASK_ID}"),
                "--shard", "${SLURM_ARRAY_TASK_ID}/" + SHARDS));
        Path script = dir.resolve("shard.sbatch");
        Files.writeString(script, "#!/bin/bash\nset -euo pipefail\nexec "
                + command.stream().map(SlurmSweepTest::quoted).collect(Collectors.joining(" ")) + "\n");

        Path submitted = dir.resolve("sbatch.out");
        Process sbatch = new ProcessBuilder("sbatch", "--parsable", "--array=1-" + SHARDS, "--wait",
                "--job-name=marketsim-shard-test", "-o", dir.resolve("slurm-%A_%a.out").toString(), script.toString())
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(submitted.toFile())
                .start();
        if (!sbatch.waitFor(WAIT_MINUTES, TimeUnit.MINUTES)) {
            sbatch.destroy();
            cancel(Files.readString(submitted));
            throw new AssertionError("the job array did not finish in " + WAIT_MINUTES + " minutes; "
                    + slurmOutput(submitted));
        }
        assertThat(sbatch.exitValue()).as("sbatch --wait exit code; %s", slurmOutput(submitted)).isZero();
        for (int i = 1; i <= SHARDS; i++) {
            assertThat(dir.resolve("shard-" + i)).as("shard folder %d; %s", i, slurmOutput(submitted)).isDirectory();
        }

        List<String> merge = new ArrayList<>(List.of("merge"));
        for (int i = 1; i <= SHARDS; i++) {
            merge.add(dir.resolve("shard-" + i).toString());
        }
        merge.addAll(List.of("--out", dir.resolve("merged").toString()));
        Cli merged = Cli.run(merge.toArray(String[]::new));
        assertThat(merged.code()).as(merged.err()).isZero();

        Cli single = Cli.run(sweep(dir.resolve("single")).toArray(String[]::new));
        assertThat(single.code()).as(single.err()).isZero();

        assertSameResults(dir.resolve("single"), dir.resolve("merged"));
    }

    /** Every file of the one-machine folder is in the merged one with the same bytes (manifest: the same content). */
    private static void assertSameResults(Path single, Path merged) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(single)) {
            files = walk.filter(Files::isRegularFile).map(single::relativize).sorted().toList();
        }
        assertThat(files).as("files of the one-machine sweep").isNotEmpty()
                .contains(Path.of("manifest.json"), Path.of("runs.csv"), Path.of("points.csv"));
        Path manifest = Path.of("manifest.json");
        for (Path file : files) { // the data first: a difference there says more than one in the manifest
            Path other = merged.resolve(file);
            assertThat(other).as("merged folder has %s", file).isRegularFile();
            if (!file.equals(manifest)) {
                assertThat(Files.mismatch(single.resolve(file), other)).as("first differing byte of %s", file)
                        .isEqualTo(-1L);
            }
        }
        ObjectNode one = manifestContent(single.resolve(manifest));
        ObjectNode joined = manifestContent(merged.resolve(manifest));
        Set<String> fields = new TreeSet<>();
        one.fieldNames().forEachRemaining(fields::add);
        joined.fieldNames().forEachRemaining(fields::add);
        List<String> differing = fields.stream().filter(f -> !Objects.equals(one.get(f), joined.get(f)))
                .map(f -> f + ": " + abbreviated(one.get(f)) + " one machine, " + abbreviated(joined.get(f)) + " merged")
                .toList();
        assertThat(differing).as("manifest.json fields (less %s) that differ", VOLATILE).isEmpty();
    }

    private static ObjectNode manifestContent(Path manifest) throws IOException {
        JsonNode json = new ObjectMapper().readTree(manifest.toFile());
        assertThat(json).as("%s is a JSON object", manifest).isInstanceOf(ObjectNode.class);
        ((ObjectNode) json).remove(VOLATILE);
        return (ObjectNode) json;
    }

    private static String abbreviated(JsonNode value) {
        String text = String.valueOf(value);
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }

    private static boolean onPath(String program) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .filter(p -> !p.isEmpty())
                .anyMatch(p -> Files.isExecutable(Path.of(p, program)));
    }

    /** Single-quoted for bash, except ${SLURM_ARRAY_TASK_ID}, which the job's shell expands. */
    private static String quoted(String arg) {
        String q = "'" + arg.replace("'", "'\\''") + "'";
        return q.replace("${SLURM_ARRAY_TASK_ID}", "'\"${SLURM_ARRAY_TASK_ID}\"'");
    }

    private static void cancel(String sbatchOutput) {
        String job = sbatchOutput.strip().split("[;\\s]")[0];
        if (job.matches("\\d+")) {
            try {
                new ProcessBuilder("scancel", job).inheritIO().start().waitFor(30, TimeUnit.SECONDS);
            } catch (IOException | InterruptedException e) {
                // best effort: the cluster is torn down by .ci/slurm/stop.sh anyway
            }
        }
    }

    /** What sbatch and each array task printed, for failure messages. */
    private String slurmOutput(Path submitted) {
        StringBuilder text = new StringBuilder();
        try (Stream<Path> logs = Files.list(dir)) {
            for (Path log : Stream.concat(Stream.of(submitted),
                    logs.filter(p -> p.getFileName().toString().startsWith("slurm-")).sorted()).toList()) {
                text.append("\n--- ").append(log.getFileName()).append('\n')
                        .append(Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "(none)");
            }
        } catch (IOException e) {
            text.append("\n(could not read the Slurm output: ").append(e).append(')');
        }
        return text.toString();
    }
}
