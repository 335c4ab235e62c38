package marketsim.results.validation;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import marketsim.format.ResultFiles;
import marketsim.results.Provenance;
import marketsim.results.Csv;
import marketsim.format.StagedFolder;
import marketsim.results.experiment.ResultsFolder;
import org.apache.commons.csv.CSVPrinter;

/**
 * {@code marketsim validate}: runs the model's analytic and reference checks and reports each
 * measured quantity against theory. The same checks run as tests (ValidationTest), and the
 * Markdown it writes is committed as docs/VALIDATION.md.
 */
public final class Validation {

    private Validation() {
    }

    /** The laboratory scenario's YAML, to store with the results. */
    public static String labText() {
        return new Lab(1).text();
    }

    /** Every check, in the order of the report. */
    public static List<Check> checks() {
        return List.of(new LogitSharesCheck(), new LogSumCheck(), new ElasticityCheck(), new DiversionCheck(),
                new NestedChannelsCheck(), new ExaminationCheck(), new NashCheck(), new MultiProductCheck(),
                new FeeNashCheck(), new SalopCheck(), new BassCheck(),
                new LifetimeValueCheck(), new LoyaltyTransitionCheck());
    }

    /** Hears of each finished check. */
    @FunctionalInterface
    public interface Listener {
        void finished(Check check, List<Result> results, Duration took);
    }

    /** What a validation run found. */
    public record Report(Budget budget, List<Check> checks, List<List<Result>> results, List<Duration> times,
                         List<Figure> figures) {
        public boolean passed() {
            return results.stream().flatMap(List::stream).allMatch(Result::pass);
        }

        public long failures() {
            return results.stream().flatMap(List::stream).filter(r -> !r.pass()).count();
        }
    }

    /** Runs {@code checks} with {@code faults} applied to the model's runs (none for a real validation). */
    public static Report run(Budget budget, List<Check> checks, int threads, List<String> faults, Listener listener)
            throws Exception {
        List<List<Result>> results = new ArrayList<>();
        List<Duration> times = new ArrayList<>();
        Lab lab = new Lab(threads);
        for (Check check : checks) {
            long start = System.nanoTime();
            List<Result> r = check.run(budget, lab, faults);
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            results.add(r);
            times.add(took);
            listener.finished(check, r, took);
        }
        return new Report(budget, checks, results, times, lab.figures());
    }

    /** Writes a folder staged before the checks with validation.csv, VALIDATION.md and the laboratory (lab.yaml). */
    public static Path write(StagedFolder staged, ResultsFolder.Destination destination, Report report, String labText,
                             ResultsFolder.Finisher finisher) throws IOException {
        return ResultsFolder.atomically(staged, destination, temp -> {
            Files.writeString(temp.resolve("lab.yaml"), labText, StandardCharsets.UTF_8);
            writeCsv(temp.resolve(ResultFiles.VALIDATION), report);
            writeFigures(temp.resolve(ResultFiles.FIGURES), report);
            Files.writeString(temp.resolve(ResultFiles.VALIDATION_MARKDOWN), markdown(report), StandardCharsets.UTF_8);
            finisher.finish(temp);
        });
    }

    static void writeCsv(Path file, Report report) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter csv = Csv.printer(w, "check", "quantity", "formula", "expected", "measured", "ci_low",
                     "ci_high", "tolerance", "pass")) {
            for (List<Result> rs : report.results()) {
                for (Result r : rs) {
                    csv.printRecord(r.check(), r.quantity(), r.formula(), Csv.number(r.expected()),
                            Csv.number(r.measured()), Csv.number(r.low()), Csv.number(r.high()),
                            Csv.number(r.tolerance()), r.pass());
                }
            }
        }
    }

    /** Every figure's points: one row per figure, line and point. */
    static void writeFigures(Path file, Report report) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter csv = Csv.printer(w, "check", "title", "x_label", "y_label", "line", "theory", "x", "y")) {
            for (Figure f : report.figures()) {
                for (Figure.Line line : f.lines()) {
                    for (int k = 0; k < line.x().length; k++) {
                        csv.printRecord(f.check(), f.title(), f.xLabel(), f.yLabel(), line.label(), line.theory(),
                                Csv.number(line.x()[k]), Csv.number(line.y()[k]));
                    }
                }
            }
        }
    }

    /** The chart file of a check's figure, relative to the report: charts/validation-ID.png. */
    public static String chartName(String check) {
        return "validation-" + check;
    }

    /** The report as Markdown: a summary table, then each check with its source, tolerance and rows. */
    public static String markdown(Report report) {
        return markdown(report, "charts");
    }

    /** The report as Markdown, its charts referenced under {@code chartsFolder} (relative to the file). */
    public static String markdown(Report report, String chartsFolder) {
        StringBuilder md = new StringBuilder();
        md.append("# Validation\n\n")
                .append("What the model reproduces of what theory already knows. Generated by `marketsim validate")
                .append(report.budget() == Budget.QUICK ? " --quick" : "").append("` (marketsim ")
                .append(Provenance.toolVersion()).append("); do not edit by hand. Every check runs in the ")
                .append("validation laboratory (`results/src/main/resources/marketsim/validation/lab.yaml`: ")
                .append("homogeneous consumers, fixed prices, no loyalty, no network) changed only by the overrides ")
                .append("each check lists (several switch on best-response pricing, a platform, relationships or a network), on ")
                .append("master seed ").append(Lab.SEED).append(" (the folder `marketsim validate` writes holds a copy, ")
                .append("`lab.yaml`, to rerun a check's market with `marketsim run lab.yaml --set ...`). The same checks run as ")
                .append("tests (`ValidationTest`), where `breakingTheMechanismMakesItsCheckFail` breaks each ")
                .append("mechanism on purpose (no outside option, choice without noise, channels as independent ")
                .append("alternatives, every platform result examined, no best response, owned ")
                .append("products priced apart, fees ignored, half the word of mouth, no relationship building...) ")
                .append("and shows its check fails.\n\n");
        md.append(String.format(Locale.ROOT, "**%s**: %d of %d quantities within tolerance (%s budget: %d consumers, "
                        + "%d replications where a check pools them).%n%n", report.passed() ? "All checks pass" : "FAILURES",
                report.results().stream().mapToLong(rs -> rs.stream().filter(Result::pass).count()).sum(),
                report.results().stream().mapToLong(List::size).sum(), report.budget().name().toLowerCase(Locale.ROOT),
                report.budget().consumers(), report.budget().replications()));
        md.append("| check | quantities | result |\n|---|---|---|\n");
        for (int c = 0; c < report.checks().size(); c++) {
            Check check = report.checks().get(c);
            List<Result> rs = report.results().get(c);
            long ok = rs.stream().filter(Result::pass).count();
            md.append("| [").append(check.title()).append("](#").append(check.id()).append(") | ").append(rs.size())
                    .append(" | ").append(ok == rs.size() ? "pass" : "**FAIL** (" + (rs.size() - ok) + ")").append(" |\n");
        }
        for (int c = 0; c < report.checks().size(); c++) {
            Check check = report.checks().get(c);
            md.append("\n## ").append(check.title()).append(" <a id=\"").append(check.id()).append("\"></a>\n\n")
                    .append("- Check: `").append(check.id()).append("`\n")
                    .append("- Theory: ").append(check.source()).append("\n")
                    .append("- Tolerance: ").append(check.tolerance()).append("\n")
                    .append("- Laboratory overrides: ").append(String.join(", ", check.settings(report.budget()).stream()
                            .map(o -> "`" + o + "`").toList())).append("\n\n");
            for (Figure f : report.figures()) {
                if (f.check().equals(check.id())) {
                    md.append("![").append(f.title()).append("](").append(chartsFolder).append('/')
                            .append(chartName(check.id())).append(".png)\n\n");
                }
            }
            md.append("| quantity | formula | expected | measured | 95% interval | tolerance | |\n")
                    .append("|---|---|---|---|---|---|---|\n");
            for (Result r : report.results().get(c)) {
                md.append("| ").append(r.quantity()).append(" | `").append(r.formula()).append("` | ")
                        .append(format(r.expected())).append(" | ").append(format(r.measured())).append(" | ")
                        .append(Double.isNaN(r.low()) ? "-" : "[" + format(r.low()) + ", " + format(r.high()) + "]")
                        .append(" | &plusmn;").append(format(r.tolerance())).append(" | ")
                        .append(r.pass() ? "pass" : "**FAIL**").append(" |\n");
            }
        }
        return md.toString();
    }

    /** Four significant digits, enough to see a miss, never scientific for ordinary values. */
    public static String format(double x) {
        if (Double.isNaN(x)) {
            return "-";
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "inf" : "-inf";
        }
        double a = Math.abs(x);
        if (a != 0 && (a < 1e-3 || a >= 1e6)) {
            return String.format(Locale.ROOT, "%.3e", x);
        }
        return new java.math.BigDecimal(x).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
    }
}
