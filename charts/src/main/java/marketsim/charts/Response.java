package marketsim.charts;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVRecord;

/**
 * What a sweep chart shows: a metric of an entity type (all its entities, or the chosen ones), with its title, axis
 * label, scale (100 for percentages) and the values its band may take.
 */
record Response(String file, String title, String metric, String type, String axis, double scale,
                double low, double high, Set<String> chosen) {
    Response(String file, String title, String metric, String type, String axis, double scale, double low,
             double high) {
        this(file, title, metric, type, axis, scale, low, high, null);
    }

    /** Whether a row of points.csv is of this response: its type and metric, and one of its entities if chosen. */
    boolean holds(CSVRecord row) {
        return row.get("entity_type").equals(type) && row.get("metric").equals(metric)
                && (chosen == null || chosen.contains(row.get("entity")));
    }

    /** The chart's file stem for one entity: an archetype's or firm's name is part of it. */
    String name(String prefix, String who) {
        return prefix + file + (type.equals("archetype") || type.equals("firm") || type.equals("pool") ? "-" + who : "");
    }

    static final double ANY = Double.POSITIVE_INFINITY;

    static final List<Response> RESPONSES = List.of(
            new Response("unit-share", "Unit share", "unit_share", "archetype", "unit share (%)", 100, 0, 100),
            new Response("net-margin", "Net margin", "net_margin", "archetype", "net margin (% of income)", 100, -ANY,
                    ANY),
            new Response("retention", "Retention", "retention", "archetype", "retained buyers (%)", 100, 0, 100),
            new Response("fee-share", "Intermediary fees", "fee_share", "archetype", "fees (% of revenue)", 100, 0,
                    ANY),
            new Response("platform-fees", "Platform fee revenue", "platform_fee_revenue", "platform",
                    "fee revenue over the window (money)", 1, 0, ANY),
            new Response("platform-sellers", "Sellers listed on the platform", "active_sellers", "platform",
                    "listed sellers", 1, 0, ANY),
            new Response("platform-members", "Platform members", "members", "platform", "members (% of consumers)", 100,
                    0, 100));

    /** Entity types an outcome's entity is looked up in, first match winning (as Outcome does for a run). */
    private static final List<String> OUTCOME_TYPES = List.of("archetype", "platform", "store", "market", "firm",
            "pool");

    /**
     * What the sweep's charts show: its {@code --outcome}s (in the manifest) if it names any, else the default
     * responses. An outcome whose metric is a default response's keeps that response's title, axis and scale.
     */
    static List<Response> of(ResultsData data) throws IOException {
        com.fasterxml.jackson.databind.JsonNode named = data.manifest().path("outcomes");
        if (!named.isArray() || named.isEmpty()) {
            return RESPONSES;
        }
        Map<String, String> units = SweepSeriesCharts.units(data);
        List<Response> out = new ArrayList<>();
        for (com.fasterxml.jackson.databind.JsonNode n : named) {
            String outcome = n.asText();
            int dot = outcome.lastIndexOf('.');
            String entity = outcome.substring(0, dot);
            String metric = outcome.substring(dot + 1);
            String type = null;
            for (String t : OUTCOME_TYPES) {
                if (type == null && data.points().stream().anyMatch(row -> row.get("entity_type").equals(t)
                        && row.get("entity").equals(entity) && row.get("metric").equals(metric))) {
                    type = t;
                }
            }
            if (type == null) {
                continue; // no values in points.csv: nothing to draw
            }
            Response known = null;
            for (Response r : RESPONSES) {
                if (r.metric().equals(metric) && r.type().equals(type)) {
                    known = r;
                }
            }
            String sameType = type;
            Response merged = out.stream().filter(r -> r.metric().equals(metric) && r.type().equals(sameType))
                    .findFirst().orElse(null);
            if (merged != null) {
                merged.chosen().add(entity); // outcomes of one metric share a chart (a line or dot colour each)
            } else if (known != null) {
                out.add(new Response(known.file(), known.title(), metric, type, known.axis(), known.scale(), known.low(),
                        known.high(), new LinkedHashSet<>(List.of(entity))));
            } else {
                String unit = units.getOrDefault(outcome, "");
                boolean share = unit.startsWith("share") && !unit.contains("(0..1)");
                String axis = metric.replace('_', ' ') + (share ? " (%)" : unit.isEmpty() ? "" : " (" + unit + ")");
                String title = (type.equals("archetype") ? "" : entity + ": ") + metric.replace('_', ' ');
                out.add(new Response(metric.replace('_', '-'), Character.toUpperCase(title.charAt(0))
                        + title.substring(1), metric, type, axis, share ? 100 : 1, -ANY, ANY,
                        new LinkedHashSet<>(List.of(entity))));
            }
        }
        return out;
    }

}
