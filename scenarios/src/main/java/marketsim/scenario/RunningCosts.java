package marketsim.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import marketsim.core.config.FirmConfig;
import marketsim.core.config.MarketConfig;

/**
 * What each firm pays every week whatever it sells (issue 19: which costs keep running): its web
 * store, personalization while enabled (at any level, even 0), quality investment, marketing (web
 * stores only), education and innovation, and the cost of each category range expansion adds. Sellers of one pool are summed under the pool's name.
 * Read by {@code scenarios show} and under the printed summary of a run.
 */
public final class RunningCosts {
    private RunningCosts() {
    }

    /** One line per firm (or pool), and a note for each firm paying for personalization it does not use. */
    public static List<String> lines(MarketConfig config) {
        Map<String, double[]> byName = new LinkedHashMap<>();
        Map<String, Integer> count = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        for (FirmConfig f : config.firms()) {
            String name = f.pool() == null ? f.name() : f.pool();
            double[] c = byName.computeIfAbsent(name, k -> new double[8]);
            count.merge(name, 1, Integer::sum);
            FirmConfig.Personalization p = f.personalization();
            c[0] += f.direct() == null ? 0 : f.direct().fixedCostPerTick();
            c[1] += p.fixedCostInForce();
            c[2] += p.costPerCustomerInForce();
            c[3] += f.qualityInvestment().spendPerTick();
            c[4] += f.direct() == null ? 0 : f.marketing().spendPerTick();
            c[5] += f.education();
            c[6] += f.innovation();
            c[7] += f.range().expand() ? f.range().costPerCategory() : 0;
            if (p.enabled() && p.level() == 0 && (p.fixedCostPerTick() > 0 || p.costPerCustomer() > 0)) {
                notes.add(String.format(Locale.ROOT, "%s: personalization at level 0 still costs %s a week and %s per "
                                + "customer (it is enabled); personalization.enabled=false stops both", f.name(),
                        money(p.fixedCostPerTick()), money(p.costPerCustomer())));
            }
        }
        List<String> out = new ArrayList<>();
        String[] labels = {"web store", "personalization", "", "quality", "marketing", "education", "innovation", ""};
        byName.forEach((name, c) -> {
            double total = 0;
            List<String> parts = new ArrayList<>();
            for (int k = 0; k < c.length; k++) {
                if (k != 2 && k != 7 && c[k] > 0) {
                    total += c[k];
                    parts.add(labels[k] + " " + money(c[k]));
                }
            }
            String perCustomer = (c[2] > 0 ? ", plus " + money(c[2]) + " per customer (personalization)" : "")
                    + (c[7] > 0 ? ", plus " + money(c[7]) + " per category its range expansion adds" : "");
            int n = count.get(name);
            String who = n == 1 ? name : name + " (" + n + " sellers)";
            out.add(parts.isEmpty() && c[2] == 0 && c[7] == 0 ? who + ": none"
                    : who + ": " + money(total) + (parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")") + perCustomer);
        });
        out.addAll(notes);
        return out;
    }

    private static String money(double v) {
        return v == Math.rint(v) ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%,.2f", v);
    }
}
