package marketsim.results.optimization;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import marketsim.format.Estimate;
import marketsim.format.Manifest;
import marketsim.format.ResultFiles;
import marketsim.format.StagedFolder;
import marketsim.results.Csv;
import marketsim.results.Provenance;
import marketsim.results.experiment.ResultsFolder;
import marketsim.scenario.Scenario;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes an audit folder: {@code manifest.json} and {@code audit.csv} (columns in docs/RESULTS.md), staged and moved
 * into place in whole; and audit.csv into an optimization's folder.
 */
public final class AuditFolder {
    private AuditFolder() {
    }

    /** Writes the audit of {@code scenario} (with {@code overrides}) into the staged folder, then {@code finisher}. */
    public static Path write(StagedFolder staged, ResultsFolder.Destination destination, Audit.Result audit,
                             Scenario scenario, List<String> overrides, Instant started,
                             ResultsFolder.Finisher finisher) throws IOException {
        return ResultsFolder.atomically(staged, destination, temp -> {
            writeCsv(temp.resolve(ResultFiles.AUDIT), audit);
            ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            ObjectNode m = json.createObjectNode();
            Provenance.putTool(m);
            m.put("command", "audit");
            m.put("scenario", scenario.name());
            m.put("description", scenario.description());
            ArrayNode o = m.putArray("overrides");
            overrides.forEach(o::add);
            m.put("method", "each named firm in turn prices by best response (firms[NAME].pricing=best-response), "
                    + "its rivals keeping their rules; paired with the scenario on common random numbers");
            m.put("tolerance", audit.tolerance());
            m.put("equilibrium", audit.equilibrium());
            m.put("master_seed", audit.masterSeed());
            m.put("replications", audit.replications());
            ResultsFolder.putSeeds(m, audit.masterSeed(), audit.replications());
            m.put("horizon", scenario.config().horizon());
            m.put("consumers", scenario.config().population().size());
            m.put("summary_window", scenario.config().summaryWindow());
            m.put("started", started.toString());
            m.put("finished", Instant.now().toString());
            m.put("java_version", System.getProperty("java.version"));
            m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
            m.set("resolved_scenario", scenario.complete());
            Manifest.putChecksums(m, temp, List.of(ResultFiles.AUDIT));
            Files.writeString(temp.resolve(ResultFiles.MANIFEST), json.writeValueAsString(m) + "\n",
                    StandardCharsets.UTF_8);
            finisher.finish(temp);
        });
    }

    /** audit.csv: a row per firm. */
    static void writeCsv(Path file, Audit.Result audit) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter csv = Csv.printer(w, "firm", "rule", "n", "price_before", "price_after", "price_change",
                     "price_change_low", "price_change_high", "relative_change", "profit_before", "profit_change",
                     "profit_change_low", "profit_change_high", "deviates")) {
            for (Audit.Row r : audit.rows()) {
                Estimate dp = r.priceChange();
                Estimate dq = r.profitChange();
                csv.printRecord(r.firm(), r.bestResponder() ? "best-response" : "held", Long.toString(dp.n()),
                        Csv.number(r.priceBefore().mean()), Csv.number(r.priceAfter().mean()), Csv.number(dp.mean()),
                        Csv.number(dp.lower()), Csv.number(dp.upper()), Csv.number(r.relativeChange()),
                        Csv.number(r.profitBefore().mean()), Csv.number(dq.mean()), Csv.number(dq.lower()),
                        Csv.number(dq.upper()), Boolean.toString(r.deviates()));
            }
        }
    }
}
