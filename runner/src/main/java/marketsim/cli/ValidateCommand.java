package marketsim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import marketsim.format.OsReason;
import marketsim.format.ResultFiles;
import marketsim.charts.ValidationCharts;
import marketsim.format.StagedFolder;
import marketsim.results.experiment.ResultsFolder;
import marketsim.results.validation.Budget;
import marketsim.results.validation.Check;
import marketsim.results.validation.Result;
import marketsim.results.validation.Validation;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code marketsim validate [--quick]}: the model's analytic and reference checks. */
@Command(name = "validate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run the model's analytic and reference checks (logit shares, elasticities, diversion, "
                + "nested-logit shares of a product in two channels, shares under position bias, single- and multi-product Bertrand-Nash markups, fee-aware Bertrand-Nash prices, Salop prices, "
                + "log-sum surplus, Bass diffusion, "
                + "customer lifetime value, the fish-market loyalty transition) and print, for each measured quantity, what "
                + "theory expects, what the model gives with its 95%% interval, the tolerance and pass or fail. Writes "
                + "validation.csv and VALIDATION.md into a results folder. Exit code 1 if any check fails.",
                "Examples:", "  marketsim validate --quick", "  marketsim validate --markdown docs/VALIDATION.md"})
final class ValidateCommand extends WritingCommand {
    @Option(names = "--quick", description = "A smaller budget: under a minute here (the full set takes a few).")
    boolean quick;

    @Option(names = "--check", paramLabel = "ID", description = "Run only this check (repeatable); ids: "
            + "logit-shares, log-sum-surplus, price-elasticities, iia-diversion, nested-channel-shares, examination-shares, "
            + "nash-markups, multi-product-markups, "
            + "fee-nash-prices, salop-prices, bass-diffusion, customer-lifetime-value, loyalty-transition.")
    List<String> only = new ArrayList<>();

    @Option(names = "--markdown", paramLabel = "FILE", description = "Also write the Markdown report here "
            + "(e.g. docs/VALIDATION.md); replaced if it exists.")
    Path markdown;

    @Option(names = "--threads", paramLabel = "K", description = "Worker threads, 1 to " + RunOptions.MAX_THREADS
            + " (default: available processors).")
    Integer threads;

    @Option(names = {"-q", "--quiet"}, description = "Only the summary line and where the report is.")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = out();
        output.checkFree();
        if (markdown != null) {
            Path parent = markdown.toAbsolutePath().getParent();
            if (Files.isDirectory(markdown) || parent == null || !Files.isDirectory(parent)) {
                throw new BadInputException("--markdown " + markdown + ": " + (Files.isDirectory(markdown)
                        ? "is a folder; give a file name, e.g. docs/VALIDATION.md" : "its folder does not exist"));
            }
            if (!Files.isWritable(parent) || Files.exists(markdown) && !Files.isWritable(markdown)) {
                // found now, not after the checks have run
                throw new BadInputException("--markdown " + markdown + ": cannot write it (no permission, or a "
                        + "read-only file system)");
            }
        }
        int k = RunOptions.threads(threads);
        List<Check> checks = new ArrayList<>();
        for (Check c : Validation.checks()) {
            if (only.isEmpty() || only.contains(c.id())) {
                checks.add(c);
            }
        }
        for (String id : only) {
            if (Validation.checks().stream().noneMatch(c -> c.id().equals(id))) {
                throw new BadInputException("--check " + id + ": no such check; checks: " + String.join(", ",
                        Validation.checks().stream().map(Check::id).toList()));
            }
        }
        Budget budget = quick ? Budget.QUICK : Budget.FULL;
        ResultsFolder.Destination destination = output.destination("validate");
        Validation.Report report;
        Path folder;
        // Staged before the checks: a folder that cannot be written is found now, not after a few minutes.
        try (StagedFolder staged = output.stage(destination)) {
            if (!quiet) {
                out.printf(Locale.ROOT, "Validating (%s budget: %d consumers, %d replications)%n", budget.name()
                        .toLowerCase(Locale.ROOT), budget.consumers(), budget.replications());
                out.flush();
            }
            report = Validation.run(budget, checks, k, List.of(), (check, results, took) -> {
                if (!quiet) {
                    out.print(table(check, results, took));
                    out.flush();
                }
            });
            try {
                folder = Validation.write(staged, destination, report, Validation.labText(), temp -> {
                    if (!output.noCharts) {
                        ValidationCharts.drawInto(temp);
                    }
                });
            } catch (IOException e) {
                throw output.cannotWrite(destination.where(), e);
            }
        }
        if (markdown != null) {
            writeMarkdown(report, folder);
        }
        long total = report.results().stream().mapToLong(List::size).sum();
        out.printf(Locale.ROOT, "%n%s: %d of %d quantities within tolerance.%nResults: %s (the report: %s)%n",
                report.passed() ? "All checks pass" : "FAILED", total - report.failures(), total, folder,
                ResultFiles.VALIDATION_MARKDOWN);
        if (markdown != null) {
            out.printf("Report:  %s%n", markdown);
        }
        out.flush();
        return report.passed() ? CommandLine.ExitCode.OK : CommandLine.ExitCode.SOFTWARE;
    }

    /**
     * The Markdown report at --markdown, its charts copied beside it into a folder named after it
     * (docs/VALIDATION.md: docs/validation/), so the document shows them wherever it is read.
     */
    private void writeMarkdown(Validation.Report report, Path folder) throws BadInputException {
        try {
            copyChartsAndWrite(report, folder);
        } catch (IOException e) {
            throw new BadInputException("--markdown " + markdown + ": cannot write it: "
                    + OsReason.of(e).describe(markdown));
        }
    }

    private void copyChartsAndWrite(Validation.Report report, Path folder) throws IOException {
        Path parent = markdown.toAbsolutePath().getParent();
        String chartsName = markdown.getFileName().toString().replaceFirst("\\.md$", "").toLowerCase(Locale.ROOT);
        Path charts = parent.resolve(chartsName);
        Path drawn = folder.resolve("charts");
        if (Files.isDirectory(drawn)) {
            Files.createDirectories(charts);
            try (var files = Files.list(drawn)) {
                for (Path f : files.filter(p -> p.getFileName().toString().startsWith("validation-")).toList()) {
                    replace(charts.resolve(f.getFileName()), temp -> Files.copy(f, temp, StandardCopyOption.REPLACE_EXISTING));
                }
            }
        }
        String text = Validation.markdown(report, output.noCharts ? "charts" : chartsName);
        replace(markdown.toAbsolutePath(), temp -> Files.writeString(temp, text, StandardCharsets.UTF_8));
    }

    /** A file written in full beside {@code target} and moved over it in one rename: never left cut short. */
    private static void replace(Path target, Writing write) throws IOException {
        Path temp = target.resolveSibling("." + target.getFileName() + ".partial-" + ProcessHandle.current().pid());
        try {
            write.to(temp);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private interface Writing {
        void to(Path file) throws IOException;
    }

    private static String table(Check check, List<Result> results, Duration took) {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%n%s (%s, %.1f s)%n", check.title(), check.id(),
                took.toMillis() / 1000.0));
        int width = results.stream().mapToInt(r -> r.quantity().length()).max().orElse(10);
        for (Result r : results) {
            s.append(String.format(Locale.ROOT, "  %-" + width + "s  expected %10s  measured %10s %-24s +-%-9s %s%n",
                    r.quantity(), Validation.format(r.expected()), Validation.format(r.measured()),
                    Double.isNaN(r.low()) ? "" : "[" + Validation.format(r.low()) + ", " + Validation.format(r.high()) + "]",
                    Validation.format(r.tolerance()), r.pass() ? "pass" : "FAIL"));
        }
        return s.toString();
    }
}
