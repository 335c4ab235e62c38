package marketsim.results.sweep;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import marketsim.core.config.MarketConfig;
import marketsim.core.metrics.Entity;
import marketsim.core.metrics.EntityType;
import marketsim.core.metrics.Metric;
import marketsim.core.metrics.RunRecord;
import marketsim.core.random.Streams;
import marketsim.scenario.Scenario;
import marketsim.scenario.ScenarioException;
import marketsim.scenario.ScenarioLoader;
import marketsim.results.Csv;
import marketsim.results.experiment.Outcome;

/**
 * Everything that decides a sweep's results, and nothing else: the scenario (resolved, with its
 * overrides), the factors, the design and its points, the replications and master seed, and the
 * outcomes to analyse. Its run list is deterministic: run {@code i} is point {@code i / reps},
 * replication {@code i % reps}. It is written into every shard's manifest, so {@code merge}
 * needs nothing else, and its hash ({@link #identity()}) tells whether two shards or a journal
 * belong to the same sweep.
 */
public record SweepPlan(String scenario, List<String> overrides, JsonNode resolvedScenario, Design design,
                        int samples, int levels, List<Factor> factors, int replications, long masterSeed,
                        List<String> outcomes, String condition, List<List<Entity>> entitySets,
                        List<Point> points, int timeseriesEvery) {
    /** Most design points a sweep may have. */
    public static final int MAX_POINTS = 100_000;
    /** Most runs a sweep may have: run numbers are ints, and a sweep this long is best split up. */
    public static final long MAX_RUNS = 100_000_000;
    /** Key deriving the design's seed (Latin hypercube, Morris trajectories) from the master seed: "DOE". */
    private static final long DESIGN_STREAM = 0x444F45L;
    /** Key deriving the analyses' bootstrap seed from the master seed: "BOOT". */
    private static final long BOOTSTRAP_STREAM = 0x424F4F54L;

    /** A design point: the factors' values, its coordinates in [0, 1], and which entity set its runs have. */
    public record Point(int index, List<String> values, double[] unit, int entitySet) {
        public Point {
            values = List.copyOf(values);
        }
    }

    /** A plan with the model configuration of each point, ready to run. */
    public record Prepared(SweepPlan plan, List<MarketConfig> configs) {
    }

    public SweepPlan {
        overrides = List.copyOf(overrides);
        factors = List.copyOf(factors);
        outcomes = List.copyOf(outcomes);
        entitySets = List.copyOf(entitySets);
        points = List.copyOf(points);
    }

    /** A plan whose points-timeseries.csv has every tick. */
    public SweepPlan(String scenario, List<String> overrides, JsonNode resolvedScenario, Design design, int samples,
                     int levels, List<Factor> factors, int replications, long masterSeed, List<String> outcomes,
                     String condition, List<List<Entity>> entitySets, List<Point> points) {
        this(scenario, overrides, resolvedScenario, design, samples, levels, factors, replications, masterSeed,
                outcomes, condition, entitySets, points, 1);
    }

    /** The same plan with points-timeseries.csv keeping ticks K, 2K, ... and each point's last. */
    public SweepPlan withTimeseriesEvery(int k) {
        return new SweepPlan(scenario, overrides, resolvedScenario, design, samples, levels, factors, replications,
                masterSeed, outcomes, condition, entitySets, points, k);
    }

    public int runs() {
        return points.size() * replications;
    }

    public long bootstrapSeed() {
        return Streams.derive(masterSeed, BOOTSTRAP_STREAM);
    }

    public List<Entity> entities(int point) {
        return entitySets.get(points.get(point).entitySet());
    }

    /**
     * Builds the plan: resolves the scenario, lays out the design, and loads every point's scenario,
     * so a bad value anywhere is reported before anything runs. Continuous factors of whole-number
     * parameters are sampled as whole numbers.
     */
    public static Prepared create(String scenario, List<String> overrides, List<Factor> factors, Design design,
                                  int samples, int levels, int replications, long masterSeed, List<String> outcomes,
                                  String condition) throws ScenarioException {
        if (factors.isEmpty()) {
            throw new IllegalArgumentException("give at least one --vary");
        }
        Scenario base = ScenarioLoader.load(scenario, overrides);
        List<Factor> typed = new ArrayList<>();
        for (Factor f : factors) {
            boolean whole = f.continuous() && wholeNumber(scenario, overrides, f);
            if (whole && Math.ceil(f.from()) > Math.floor(f.to())) {
                throw new IllegalArgumentException("--vary " + f.path() + ": a whole-number parameter, and no whole "
                        + "number lies in [" + Csv.number(f.from()) + ", " + Csv.number(f.to()) + "]");
            }
            typed.add(whole ? f.asInteger() : f);
        }
        long count;
        try {
            count = design.points(typed, samples);
        } catch (ArithmeticException e) {
            count = Long.MAX_VALUE;
        }
        if (count > MAX_POINTS) {
            throw new IllegalArgumentException("the " + design.key() + " design has " + (count == Long.MAX_VALUE
                    ? "more than " + MAX_POINTS : Long.toString(count)) + " points; at most " + MAX_POINTS);
        }
        if (count * replications > MAX_RUNS) {
            throw new IllegalArgumentException(count + " points x " + replications + " replications is more than "
                    + MAX_RUNS + " runs; fewer points or replications, or split the sweep with --shard");
        }
        List<Point> laid = layout(typed, design, samples, levels, masterSeed);
        List<List<Entity>> entitySets = new ArrayList<>();
        List<Point> points = new ArrayList<>();
        List<MarketConfig> configs = new ArrayList<>();
        for (Point point : laid) {
            List<String> all = new ArrayList<>(overrides);
            for (int f = 0; f < typed.size(); f++) {
                all.add(typed.get(f).path() + "=" + point.values().get(f));
            }
            MarketConfig config;
            try {
                config = ScenarioLoader.load(scenario, all).config();
            } catch (ScenarioException e) {
                throw new IllegalArgumentException("--vary: the design point " + String.join(", ", point.values())
                        + " (" + String.join(", ", all.subList(overrides.size(), all.size())) + ") is not a valid "
                        + "scenario: " + e.getMessage());
            }
            List<Entity> entities = new RunRecord(config).entities();
            int set = entitySets.indexOf(entities);
            if (set < 0) {
                set = entitySets.size();
                entitySets.add(entities);
            }
            points.add(new Point(point.index(), point.values(), point.unit(), set));
            configs.add(config);
        }
        List<String> chosen = outcomes.isEmpty() ? defaultOutcomes(entitySets) : outcomes;
        for (Outcome o : Outcome.parseAll(chosen)) {
            check("--outcome " + o.label(), o, entitySets);
        }
        if (condition != null) {
            for (Outcome o : Condition.parse(condition).outcomes()) {
                check("--discover", o, entitySets);
            }
        }
        SweepPlan plan = new SweepPlan(base.name(), overrides, base.complete(), design, samples, levels, typed,
                replications, masterSeed, chosen, condition, entitySets, points);
        return new Prepared(plan, configs);
    }

    /**
     * The design's points: coordinates in [0, 1] (seeded from the master seed where the design is
     * random) and the factor values they give, all of entity set 0.
     */
    public static List<Point> layout(List<Factor> factors, Design design, int samples, int levels, long masterSeed) {
        double[][] unit = design.coordinates(factors, samples, levels, Streams.derive(masterSeed, DESIGN_STREAM));
        List<Point> points = new ArrayList<>();
        for (int p = 0; p < unit.length; p++) {
            List<String> values = new ArrayList<>();
            for (int f = 0; f < factors.size(); f++) {
                values.add(factors.get(f).valueAt(unit[p][f]));
            }
            points.add(new Point(p, values, unit[p], 0));
        }
        return points;
    }

    /** Throws, naming the option and the entities there are, if an outcome is missing at some point. */
    private static void check(String option, Outcome o, List<List<Entity>> entitySets) {
        for (List<Entity> set : entitySets) {
            try {
                o.indexIn(set);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(option + ": " + e.getMessage());
            }
        }
    }

    /** The default outcomes: {@link Outcome#defaults}, those present at every design point. */
    static List<String> defaultOutcomes(List<List<Entity>> entitySets) {
        return Outcome.defaults(entitySets);
    }

    /** Whether the reader wants a whole number at the factor's path: it says so of a value that is not. */
    private static boolean wholeNumber(String scenario, List<String> overrides, Factor f) {
        List<String> probe = new ArrayList<>(overrides);
        probe.add(f.path() + "=" + Csv.number(Math.floor(f.from()) + 0.5));
        try {
            ScenarioLoader.load(scenario, probe);
            return false;
        } catch (ScenarioException e) {
            return e.problems().stream().anyMatch(p -> p.message().contains("must be a whole number"));
        }
    }

    /** The plan as JSON, for shard manifests; {@link #fromJson} reads it back exactly. */
    public ObjectNode toJson(ObjectMapper json) {
        ObjectNode m = json.createObjectNode();
        m.put("scenario", scenario);
        overrides.forEach(m.putArray("overrides")::add);
        m.set("resolved_scenario", resolvedScenario);
        m.put("design", design.key());
        m.put("samples", samples);
        m.put("levels", levels);
        ArrayNode fs = m.putArray("factors");
        for (Factor f : factors) {
            ObjectNode o = fs.addObject();
            o.put("path", f.path());
            f.levels().forEach(o.putArray("levels")::add);
            o.put("from", f.from());
            o.put("to", f.to());
            o.put("integer", f.integer());
        }
        m.put("replications", replications);
        m.put("master_seed", masterSeed);
        outcomes.forEach(m.putArray("outcomes")::add);
        if (condition != null) {
            m.put("condition", condition);
        }
        if (timeseriesEvery != 1) { // absent when every tick: a plan's identity as before the option
            m.put("timeseries_every", timeseriesEvery);
        }
        ArrayNode sets = m.putArray("entity_sets");
        for (List<Entity> set : entitySets) {
            ArrayNode s = sets.addArray();
            for (Entity e : set) {
                s.addArray().add(e.type().key()).add(e.name()).add(e.archetype());
            }
        }
        ArrayNode ps = m.putArray("points");
        for (Point p : points) {
            ObjectNode o = ps.addObject();
            p.values().forEach(o.putArray("values")::add);
            ArrayNode u = o.putArray("unit");
            for (double x : p.unit()) {
                u.add(x);
            }
            o.put("entity_set", p.entitySet());
        }
        return m;
    }

    public static SweepPlan fromJson(JsonNode m) {
        List<String> overrides = new ArrayList<>();
        m.get("overrides").forEach(n -> overrides.add(n.asText()));
        List<Factor> factors = new ArrayList<>();
        for (JsonNode o : m.get("factors")) {
            List<String> levels = new ArrayList<>();
            o.get("levels").forEach(n -> levels.add(n.asText()));
            factors.add(new Factor(o.get("path").asText(), levels, o.get("from").asDouble(Double.NaN),
                    o.get("to").asDouble(Double.NaN), o.get("integer").asBoolean()));
        }
        List<String> outcomes = new ArrayList<>();
        m.get("outcomes").forEach(n -> outcomes.add(n.asText()));
        List<List<Entity>> sets = new ArrayList<>();
        for (JsonNode s : m.get("entity_sets")) {
            List<Entity> set = new ArrayList<>();
            for (JsonNode e : s) {
                set.add(new Entity(entityType(e.get(0).asText()), e.get(1).asText(), e.get(2).asText()));
            }
            sets.add(set);
        }
        List<Point> points = new ArrayList<>();
        for (JsonNode o : m.get("points")) {
            List<String> values = new ArrayList<>();
            o.get("values").forEach(n -> values.add(n.asText()));
            double[] unit = new double[o.get("unit").size()];
            for (int i = 0; i < unit.length; i++) {
                unit[i] = o.get("unit").get(i).asDouble();
            }
            points.add(new Point(points.size(), values, unit, o.get("entity_set").asInt()));
        }
        return new SweepPlan(m.get("scenario").asText(), overrides, m.get("resolved_scenario"),
                Design.parse(m.get("design").asText()), m.get("samples").asInt(), m.get("levels").asInt(), factors,
                m.get("replications").asInt(), m.get("master_seed").asLong(), outcomes,
                m.hasNonNull("condition") ? m.get("condition").asText() : null, sets, points,
                m.path("timeseries_every").asInt(1));
    }

    private static EntityType entityType(String key) {
        for (EntityType t : EntityType.values()) {
            if (t.key().equals(key)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown entity type '" + key + "'");
    }

    /** A SHA-256 of the plan's JSON: equal plans, equal identities. */
    public String identity() {
        try {
            ObjectMapper json = new ObjectMapper();
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(json.writeValueAsString(toJson(json)).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
