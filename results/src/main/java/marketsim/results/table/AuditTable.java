package marketsim.results.table;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import marketsim.results.optimization.Audit;

/**
 * The printed audit: per firm, its price before and after it best-responds, the change with its paired interval,
 * its profit change with its paired interval and whether it would deviate; then the verdict.
 */
public final class AuditTable {
    private AuditTable() {
    }

    public static String render(Audit.Result audit) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%s: would any firm change its price? Each "
                        + "named firm in turn prices by best response (logit, each unit's margin net of its channel's "
                        + "fees), its rivals holding; %d %s, master seed %d, paired on common random numbers.%n%n",
                audit.scenario(), audit.replications(), audit.replications() == 1 ? "replication" : "replications",
                audit.masterSeed()));
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"firm", "price now", "best response", "change [95% CI]", "change %",
                "profit change [95% CI]", "verdict"});
        for (Audit.Row r : audit.rows()) {
            rows.add(new String[] {r.firm(), CalibrationTable.show(r.priceBefore().mean()),
                    CalibrationTable.show(r.priceAfter().mean()), OptimizationTable.signed(r.priceChange()),
                    r.bestResponder() ? "0" : String.format(Locale.ROOT, "%+.1f", 100 * r.relativeChange()),
                    OptimizationTable.signed(r.profitChange()), r.bestResponder() ? "already best-responds"
                    : r.deviates() ? (r.relativeChange() < 0 ? "would cut its price" : "would raise its price")
                    : r.moves() ? "stays: its best response loses money" : "stays"});
        }
        CalibrationTable.table(out, rows);
        long deviating = audit.rows().stream().filter(Audit.Row::deviates).count();
        out.append(System.lineSeparator()).append(audit.equilibrium()
                ? String.format(Locale.ROOT, "Equilibrium: no firm would move its price by more than %s%% and gain "
                + "by it.%n", CalibrationTable.show(100 * audit.tolerance()))
                : String.format(Locale.ROOT, "Not an equilibrium: %d of %d firms would move their price by more than "
                + "%s%% and gain by it.%n", deviating, audit.rows().size(), CalibrationTable.show(100 * audit.tolerance())));
        return out.toString();
    }
}
