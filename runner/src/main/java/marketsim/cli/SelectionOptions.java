package marketsim.cli;

import java.util.ArrayList;
import java.util.List;

import marketsim.core.metrics.Entity;
import marketsim.core.metrics.RunRecord;
import marketsim.results.table.Selection;
import marketsim.scenario.Scenario;
import picocli.CommandLine.Option;

/** {@code --entity} and {@code --metric}: the rows of one firm (or platform, store, archetype, market), or of one metric. */
final class SelectionOptions {
    @Option(names = "--entity", paramLabel = "NAME",
            description = "Print every metric of this firm, seller pool, archetype, platform, store or market "
                    + "(repeatable; with --metric, only those metrics).")
    List<String> entities = new ArrayList<>();

    @Option(names = "--metric", paramLabel = "KEY",
            description = "Print this metric (docs/RESULTS.md, e.g. net_margin, net_profit, platform_fee_revenue) "
                    + "for every entity it applies to (repeatable; with --entity, for those entities).")
    List<String> metrics = new ArrayList<>();

    boolean asked() {
        return Selection.asked(entities, metrics);
    }

    /** The rows asked for, checked against the entities {@code scenario}'s runs have, before anything runs. */
    Selection select(Scenario scenario) throws BadInputException {
        return select(new RunRecord(scenario.config()).entities());
    }

    Selection select(List<Entity> entities) throws BadInputException {
        try {
            return Selection.of(entities, this.entities, metrics);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage());
        }
    }
}
