package marketsim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The arrows of the house (README's Layout), read from the main sources' imports: Maven enforces the modules'
 * order, this the packages' inside them, and the rules Maven cannot see (no windowing toolkit in the model,
 * charts that read only the results format).
 */
class ArchitectureTest {
    /** The repository's root, from the runner module (Surefire's working directory). */
    private static final Path ROOT = Path.of("..");
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?([\\w.]+)[.;]", Pattern.MULTILINE);

    /** Every (file, imported name) of the main sources under {@code dir}. */
    private static List<String[]> imports(String dir) {
        List<String[]> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(ROOT.resolve(dir))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = IMPORT.matcher(Files.readString(file));
                while (m.find()) {
                    found.add(new String[] {ROOT.relativize(file).toString(), m.group(1)});
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(found).as("sources under " + dir).isNotEmpty();
        return found;
    }

    private static List<String> offending(String dir, String... forbiddenPrefixes) {
        List<String> bad = new ArrayList<>();
        for (String[] use : imports(dir)) {
            for (String prefix : forbiddenPrefixes) {
                if (use[1].startsWith(prefix)) {
                    bad.add(use[0] + " imports " + use[1]);
                }
            }
        }
        return bad;
    }

    /** Longest main class, in lines: a class past it holds more than one concept (STYLE.md). */
    private static final int MAX_CLASS_LINES = 400;
    /** The model and its schedule are wiring: the mechanisms live in their concepts' classes. */
    private static final int MAX_MODEL_LINES = 300;

    @Test
    void noClassHoldsMoreThanOneConceptsWorth() throws IOException {
        List<String> tooLong = new ArrayList<>();
        for (String module : List.of("sim-core", "scenarios", "format", "results", "charts", "classroom", "runner", "bench")) {
            try (Stream<Path> files = Files.walk(ROOT.resolve(module).resolve("src/main"))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    long lines = Files.readAllLines(file).size();
                    if (lines > MAX_CLASS_LINES) {
                        tooLong.add(ROOT.relativize(file) + ": " + lines + " lines");
                    }
                }
            }
        }
        assertThat(tooLong).as("classes over " + MAX_CLASS_LINES + " lines").isEmpty();
        assertThat(Files.readAllLines(ROOT.resolve("sim-core/src/main/java/marketsim/core/MarketModel.java")))
                .as("MarketModel's lines").hasSizeLessThan(MAX_MODEL_LINES);
    }

    @Test
    void theModelIsHeadlessAndKnowsNoOtherModule() {
        assertThat(offending("sim-core/src/main", "java.awt", "javax.swing", "marketsim.scenario", "marketsim.results",
                "marketsim.format", "marketsim.charts", "marketsim.cli", "marketsim.gui")).isEmpty();
    }

    @Test
    void chartsReadResultsFoldersThroughTheFormatOnly() {
        assertThat(offending("charts/src/main", "marketsim.core", "marketsim.scenario", "marketsim.results",
                "marketsim.cli", "marketsim.gui")).isEmpty();
        assertThat(offending("format/src/main", "marketsim.core", "marketsim.scenario", "marketsim.results",
                "marketsim.charts")).isEmpty();
    }

    /** The browser lesson runs one model and draws it: no studies, no command line, no desktop window. */
    @Test
    void theLessonServerKnowsTheModelAndScenariosOnly() {
        assertThat(offending("classroom/src/main", "marketsim.results", "marketsim.cli", "marketsim.gui", "java.awt.Graphics",
                "javax.swing")).isEmpty();
    }

    /**
     * Inside results: sensitivity is pure mathematics; experiment is what the other studies build on; search (CMA-ES
     * or a grid, and its journal) is what calibration and optimization share; sweeps, calibration, optimization and
     * validation do not know each other; the text tables may read them all.
     */
    @Test
    void studiesInResultsDependOnlyOnExperimentsAndMathematics() {
        String r = "results/src/main/java/marketsim/results/";
        assertThat(offending(r + "sensitivity", "marketsim.")).isEmpty();
        assertThat(offending(r + "experiment", "marketsim.results.sweep", "marketsim.results.calibration",
                "marketsim.results.validation", "marketsim.results.table", "marketsim.results.optimization",
                "marketsim.results.search")).isEmpty();
        assertThat(offending(r + "sweep", "marketsim.results.calibration", "marketsim.results.validation",
                "marketsim.results.table", "marketsim.results.optimization")).isEmpty();
        assertThat(offending(r + "calibration", "marketsim.results.sweep", "marketsim.results.validation",
                "marketsim.results.table", "marketsim.results.optimization")).isEmpty();
        assertThat(offending(r + "validation", "marketsim.results.sweep", "marketsim.results.calibration",
                "marketsim.results.table", "marketsim.results.optimization")).isEmpty();
        // optimization searches as calibration does, through search, and knows neither calibration nor sweeps
        assertThat(offending(r + "optimization", "marketsim.results.sweep", "marketsim.results.calibration",
                "marketsim.results.validation", "marketsim.results.table")).isEmpty();
        assertThat(offending(r + "search", "marketsim.results.sweep", "marketsim.results.calibration",
                "marketsim.results.validation", "marketsim.results.table", "marketsim.results.optimization",
                "marketsim.results.experiment")).isEmpty();
    }
}
