package marketsim.results.experiment;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import marketsim.core.config.MarketConfig;
import marketsim.core.metrics.Entity;
import marketsim.core.metrics.RunRecord;
import marketsim.format.Estimate;
import marketsim.results.Csv;
import marketsim.results.replication.Moments;
import org.apache.commons.csv.CSVPrinter;

/**
 * A scenario's default outcomes ({@link Outcome#defaults}) at every tick, across its replications as they stream in
 * (in replication order): what a comparison's variants-timeseries.csv holds of each variant. A run that a stop
 * condition ended adds nothing to the ticks after its last.
 */
public final class OutcomeSeries {
    private List<Outcome> outcomes;
    private List<Entity> entities;
    /** Per tick, a cell per outcome. */
    private final List<Moments> ticks = new ArrayList<>();

    /** Adds one replication's series. */
    void add(MarketConfig config, RunRecord record) {
        if (outcomes == null) {
            entities = record.entities();
            outcomes = Outcome.parseAll(Outcome.defaults(List.of(entities)));
        }
        double[][] series = Summaries.series(config, record, outcomes);
        for (int o = 0; o < outcomes.size(); o++) {
            for (int t = 0; t < series[o].length; t++) {
                if (t == ticks.size()) {
                    ticks.add(new Moments(outcomes.size()));
                }
                ticks.get(t).add(o, series[o][t]);
            }
        }
    }

    /** The header of variants-timeseries.csv. */
    static final String[] HEADER = {"variant", "entity_type", "entity", "metric", "unit", "tick", "n", "mean", "sd",
        "ci_low", "ci_high"};

    /** Writes each variant's rows into {@code file}: by variant, outcome, then tick; ticks no run reached left out. */
    static void write(Path file, List<String> names, List<OutcomeSeries> variants) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter csv = Csv.printer(w, HEADER)) {
            List<String> row = new ArrayList<>();
            for (int v = 0; v < names.size(); v++) {
                OutcomeSeries s = variants.get(v);
                for (int o = 0; s.outcomes != null && o < s.outcomes.size(); o++) {
                    Outcome outcome = s.outcomes.get(o);
                    Entity entity = s.entities.get(outcome.indexIn(s.entities));
                    for (int t = 0; t < s.ticks.size(); t++) {
                        Estimate e = s.ticks.get(t).estimate(o);
                        if (e.n() == 0) {
                            continue;
                        }
                        row.clear();
                        row.addAll(List.of(names.get(v), entity.type().key(), entity.name(), outcome.metric().key(),
                                outcome.metric().unit(), Integer.toString(t + 1), Long.toString(e.n()),
                                Csv.number(e.mean()), Csv.number(e.sd()), Csv.number(e.lower()),
                                Csv.number(e.upper())));
                        csv.printRecord(row);
                    }
                }
            }
        }
    }
}
