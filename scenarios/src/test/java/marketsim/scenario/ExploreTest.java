package marketsim.scenario;

import java.util.ArrayList;
import java.util.List;

import marketsim.core.metrics.EntityType;
import marketsim.core.metrics.Metric;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.junit.jupiter.api.Test;

class ExploreTest {
    static List<String> list(String p) {
        List<String> l = new ArrayList<>();
        if (p != null && !p.isBlank()) for (String s : p.split(";")) l.add(s.trim());
        return l;
    }

    @Test
    void explore() {
        String scenario = System.getProperty("x.scenario", "jeo-baseline");
        int reps = Integer.getInteger("x.reps", 5);
        List<String> base = list(System.getProperty("x.base", ""));
        List<String> change = new ArrayList<>(base);
        change.addAll(list(System.getProperty("x.change", "")));
        ScenarioRuns.Runs a = ScenarioRuns.run(scenario, base, reps, Long.getLong("x.seed", 424242));
        ScenarioRuns.Runs b = ScenarioRuns.run(scenario, change, reps, Long.getLong("x.seed", 424242));
        int to = a.config().horizon();
        int from = Math.max(0, to - Integer.getInteger("x.window", 52));
        for (String ent : System.getProperty("x.entities", "brand-a,brand-b").split(",")) {
            EntityType type = ent.equals("market") ? EntityType.MARKET : ent.equals("platform") ? EntityType.PLATFORM : ent.endsWith("-focused") ? EntityType.ARCHETYPE : EntityType.FIRM;
            for (String m : System.getProperty("x.metrics", "unit_share").split(",")) {
                Metric metric = java.util.Arrays.stream(Metric.values()).filter(x -> x.key().equals(m)).findFirst().orElseThrow();
                SummaryStatistics d = new SummaryStatistics();
                SummaryStatistics av = new SummaryStatistics();
                for (int r = 0; r < reps; r++) {
                    double x = a.metric(r, type, ent, metric, from, to);
                    av.addValue(x);
                    d.addValue(b.metric(r, type, ent, metric, from, to) - x);
                }
                System.out.printf("%-12s %-16s base %10.4f  diff %10.4f +- %8.4f (sd)%n", ent, m, av.getMean(), d.getMean(), d.getStandardDeviation());
            }
        }
    }
}
