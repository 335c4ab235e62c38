package marketsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every output a user can ask for, pinned by hash: each built-in scenario at a small size, a compare, a grid sweep, a
 * Sobol sweep (whole, and in two shards joined by merge, which must equal the whole), a calibration and
 * {@code validate --quick}, run through the command line as a user types them. The
 * data files (CSV, YAML, Markdown and the manifest without its clock readings and machine facts; the temporary
 * folder's path written as {@code DIR} everywhere) must hash to the values in {@code src/test/resources/golden/outputs.sha256}.
 *
 * <p>Why: refactors must leave every output byte-identical, and a change to the model must be deliberate. A commit
 * that changes outputs on purpose regenerates the file with {@code scripts/golden-outputs --update} and says why in
 * its message. Charts and report.html are left out (their bytes depend on fonts); {@code --no-charts} keeps this
 * test fast (about 30 s).
 */
class GoldenOutputsTest {
    /** The reference hashes, relative to the runner module (Surefire's working directory). */
    static final Path HASHES = Path.of("src/test/resources/golden/outputs.sha256");
    /** The readable part of the pin: each CSV's header and first rows, each manifest's keys. */
    static final Path FORMATS = Path.of("src/test/resources/golden/formats.txt");
    /** Rows of each CSV file shown in {@link #FORMATS} after its header. */
    private static final int ROWS_SHOWN = 2;
    /** Set (to anything) to rewrite {@link #HASHES} instead of comparing with it. */
    static final String UPDATE = "marketsim.golden.update";

    /**
     * Manifest keys that are clock readings, facts of the machine or of the build (the commit, and
     * the sweep identity that includes it), not of the run.
     */
    private static final List<String> MACHINE_KEYS = List.of("started", "finished", "java_version", "os",
            "tool_build", "working_directory", "sweep_identity");

    private static final String[] SMALL = {"--reps", "2", "--ticks", "30", "--seed", "7", "--threads", "2", "-q",
            "--set", "population.size=300"};

    @TempDir
    Path dir;

    private static final List<String> SCENARIOS = List.of("jeo-baseline", "platform-squeeze", "brand-on-platform",
            "tilt", "failure-demand", "customer-dominant", "disintermediation", "strategy-evolution", "moving-tastes",
            "platform-harvest", "marketplace-fees", "deep-focus", "classroom", "bench-reference");

    /** The commands, each writing one folder under {@code dir}; the folder is the last argument. */
    private List<List<String>> commands() throws IOException {
        // A copy inside the temporary folder, so the manifest's targets_file does not name this checkout's path.
        Path targets = Files.createDirectories(dir.resolve("inputs")).resolve("targets.yaml");
        Files.copy(Path.of("../examples/calibrate-platform-squeeze.yaml"), targets);
        List<List<String>> commands = new ArrayList<>();
        for (String scenario : SCENARIOS) {
            commands.add(with(List.of("run", scenario, "--no-charts"), "run-" + scenario));
        }
        commands.add(with(List.of("compare", "jeo-baseline", "--vs", "platform.take_rate=0.3", "--vs",
                "archetypes.customer-focused.markup=0.8", "--no-charts"), "compare"));
        commands.add(with(List.of("sweep", "platform-squeeze", "--vary", "platform.take_rate=0.1:0.4:0.15",
                "--vary", "store.retail_margin=0.2,0.3", "--no-charts"), "sweep-grid"));
        List<String> sobol = List.of("sweep", "classroom", "--design", "sobol", "--samples", "8",
                "--vary", "platform.take_rate=0.05:0.5", "--vary", "store.retail_margin=0.1:0.4",
                "--outcome", "platform.net_profit", "--no-charts");
        commands.add(with(sobol, "sweep-sobol"));
        // The same sweep in two shards, joined: what a cluster's job array writes (compared with the whole below).
        for (int shard = 1; shard <= 2; shard++) {
            List<String> slice = new ArrayList<>(sobol);
            slice.addAll(List.of("--shard", shard + "/2"));
            commands.add(with(slice, "shards/" + shard));
        }
        commands.add(List.of("merge", dir.resolve("shards/1").toString(), dir.resolve("shards/2").toString(),
                "--no-charts", "--out", dir.resolve("sweep-sobol-merged").toString()));
        commands.add(with(List.of("calibrate", "platform-squeeze", "--targets",
                targets.toString(),
                "--max-evaluations", "12", "--no-charts"), "calibrate"));
        commands.add(List.of("validate", "--quick", "--threads", "2", "-q", "--no-charts", "--out",
                dir.resolve("validate").toString()));
        return commands;
    }

    private List<String> with(List<String> head, String folder) {
        List<String> all = new ArrayList<>(head);
        all.addAll(List.of(SMALL));
        all.addAll(List.of("--out", dir.resolve(folder).toString()));
        return all;
    }

    /**
     * Runs in a locale that writes numbers with a decimal comma, so that one leaking into a file changes its hash
     * (the reference is written under the same rule: files never depend on the locale).
     */
    @Test
    void everyOutputIsByteIdenticalToTheReference() throws Exception {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.GERMANY);
        try {
            for (List<String> command : commands()) {
                Cli cli = Cli.run(command.toArray(String[]::new));
                assertThat(cli.code()).as(String.join(" ", command) + "\n" + cli.err()).isZero();
            }
        } finally {
            Locale.setDefault(before);
        }
        for (String file : List.of("runs.csv", "points.csv", "sobol.csv")) {
            assertThat(dir.resolve("sweep-sobol-merged").resolve(file)).as("merged shards' " + file)
                    .hasSameBinaryContentAs(dir.resolve("sweep-sobol").resolve(file));
        }
        Map<String, String> hashes = hashes(dir);
        String formats = formats(dir);
        if (System.getProperty(UPDATE) != null) {
            Files.writeString(FORMATS, formats, StandardCharsets.UTF_8);
            StringBuilder text = new StringBuilder("# sha256 of every data file GoldenOutputsTest writes; "
                    + "regenerate with scripts/golden-outputs --update and say why in the commit\n");
            hashes.forEach((file, hash) -> text.append(hash).append("  ").append(file).append('\n'));
            Files.createDirectories(HASHES.getParent());
            Files.writeString(HASHES, text, StandardCharsets.UTF_8);
            return;
        }
        Map<String, String> reference = new TreeMap<>();
        for (String line : Files.readAllLines(HASHES, StandardCharsets.UTF_8)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                reference.put(line.substring(66), line.substring(0, 64));
            }
        }
        // The readable pin first: a changed column or manifest key shows as a diff of FORMATS.
        assertThat(formats).as("columns, first rows or manifest keys changed (if on purpose, run "
                + "scripts/golden-outputs --update and say why in the commit)")
                .isEqualTo(Files.readString(FORMATS, StandardCharsets.UTF_8));
        List<String> changed = new ArrayList<>();
        for (String file : new TreeSet<>(union(hashes.keySet(), reference.keySet()))) {
            if (!hashes.containsKey(file)) {
                changed.add(file + " (not written)");
            } else if (!reference.containsKey(file)) {
                changed.add(file + " (new)");
            } else if (!hashes.get(file).equals(reference.get(file))) {
                changed.add(file);
            }
        }
        assertThat(changed).as("outputs changed (if on purpose, run scripts/golden-outputs --update and say why "
                + "in the commit)").isEmpty();
    }

    /**
     * Each CSV file's header and first {@value #ROWS_SHOWN} rows, and each manifest's keys (nested keys with a dot
     * path, array elements as []), in file order: what a reader of the files relies on, in a form a reviewer reads.
     */
    private static String formats(Path root) throws IOException {
        StringBuilder text = new StringBuilder("# The columns and first rows of every CSV file and the keys of every "
                + "manifest GoldenOutputsTest writes;\n# regenerate with scripts/golden-outputs --update\n");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : files) {
            String name = root.relativize(file).toString().replace('\\', '/');
            if (name.endsWith(".csv")) {
                text.append("\n== ").append(name).append('\n');
                try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
                    lines.limit(1 + ROWS_SHOWN).forEach(line -> text.append(line).append('\n'));
                }
            } else if (name.endsWith("manifest.json")) {
                Set<String> keys = new TreeSet<>();
                keyPaths(new ObjectMapper().readTree(file.toFile()), "", keys);
                keys.removeIf(k -> k.startsWith("resolved_scenario.") || k.contains(".resolved_scenario."));
                text.append("\n== ").append(name).append(" keys\n").append(String.join("\n", keys)).append('\n');
            }
        }
        return text.toString().replace(root.toAbsolutePath().toString(), "DIR");
    }

    /** The dot paths of an object's keys; the resolved scenario's own keys are the scenario format's, not pinned here. */
    private static void keyPaths(JsonNode node, String prefix, Set<String> keys) {
        if (node.isObject()) {
            node.fieldNames().forEachRemaining(k -> {
                keys.add(prefix + k);
                keyPaths(node.get(k), prefix + k + ".", keys);
            });
        } else if (node.isArray()) {
            node.forEach(element -> keyPaths(element, prefix + "[].", keys));
        }
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }

    /** The hash of every data file under {@code root}, by path relative to it. */
    private static Map<String, String> hashes(Path root) throws IOException, NoSuchAlgorithmException {
        Map<String, String> hashes = new TreeMap<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).filter(GoldenOutputsTest::isData).toList();
        }
        for (Path file : files) {
            String name = root.relativize(file).toString().replace('\\', '/');
            String text = file.getFileName().toString().equals("manifest.json")
                    ? normalizedManifest(file, root) : Files.readString(file, StandardCharsets.UTF_8);
            byte[] bytes = text.replace(root.toAbsolutePath().toString(), "DIR").getBytes(StandardCharsets.UTF_8);
            hashes.put(name, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
        }
        return hashes;
    }

    private static boolean isData(Path file) {
        String name = file.getFileName().toString();
        return Stream.of(".csv", ".yaml", ".json", ".md").anyMatch(name::endsWith);
    }

    /**
     * The manifest without clock readings and machine facts, at any depth (compare nests one per variant). Each data
     * file's checksum must be the file's own SHA-256; it is pinned as the hash of the file with the temporary folder
     * written as {@code DIR}, as the file itself is (a calibration's scenario.yaml names its targets file's path).
     */
    private static String normalizedManifest(Path file, Path root) throws IOException, NoSuchAlgorithmException {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        JsonNode manifest = json.readTree(file.toFile());
        removeMachineKeys(manifest);
        if (manifest.get("files") instanceof ObjectNode files) {
            List<String> names = new ArrayList<>();
            files.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                Path data = file.resolveSibling(name);
                assertThat(files.get(name).asText()).as("checksum of " + data + " in " + file)
                        .isEqualTo(sha256(Files.readAllBytes(data)));
                files.put(name, sha256(Files.readString(data, StandardCharsets.UTF_8)
                        .replace(root.toAbsolutePath().toString(), "DIR").getBytes(StandardCharsets.UTF_8)));
            }
        }
        return json.writeValueAsString(manifest);
    }

    private static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static void removeMachineKeys(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.remove(MACHINE_KEYS);
        }
        node.forEach(GoldenOutputsTest::removeMachineKeys);
    }
}
