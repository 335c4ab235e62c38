package marketsim.classroom;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import marketsim.charts.Palette;
import marketsim.core.LiveLever;
import marketsim.core.MarketModel;
import marketsim.core.config.MarketConfig;
import marketsim.core.config.SegmentConfig;
import marketsim.core.consumer.Population;
import marketsim.core.firm.Firm;
import marketsim.core.metrics.Entity;
import marketsim.core.metrics.EntityType;
import marketsim.core.metrics.Metric;
import marketsim.core.metrics.RunRecord;
import marketsim.scenario.Scenario;
import marketsim.scenario.Story;

/**
 * What the lesson's page is sent, as JSON: a {@code setup} frame when a run starts or a page connects (the story,
 * segments, firms, levers, chart series and every point so far), a {@code tick} frame after each tick (one new point
 * per series, the taste circle, the platform's figures, the levers in force), and a {@code state} frame when only
 * the controls changed. A tick frame holds aggregates, never one entry per consumer: the taste circle is counts of
 * consumers by segment, angle bin and last supplier's archetype, a few KB whatever the population.
 *
 * <p>Chart points are over the last {@link #WINDOW_WEEKS} weeks (flows summed, ratios of the sums), so a week-1
 * margin over a handful of sales does not set the axis for the whole lesson.
 */
final class Frames {
    /** Weeks each chart point summarises. */
    static final int WINDOW_WEEKS = 4;
    /** Bins of the taste circle (6 degrees each). */
    static final int ANGLE_BINS = 60;
    private static final double PERCENT = 100;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NONE = "no purchase yet";
    private static final Color NONE_COLOUR = new Color(0xBB, 0xBB, 0xBB);

    /** One message for the pages: an SSE event name and its JSON. */
    record Frame(String event, String json) {
    }

    /** The controls' state, from the lesson. */
    record State(long seed, double speed, boolean playing, boolean finished, List<Lesson.Change> changes,
                 String failure) {
    }

    /** A chart line: which chart, whose, and the metric behind it. */
    private record Series(String chart, String name, Color colour, EntityType type, String entity, Metric metric) {
    }

    private final Scenario scenario;
    private final Story story;
    private final MarketModel model;
    private final List<String> archetypes = new ArrayList<>();
    private final List<Series> series = new ArrayList<>();
    private final List<double[]> rows = new ArrayList<>();

    /** @param story the lesson's story; null where only the {@link #circle} is asked for (a game) */
    Frames(Scenario scenario, Story story, MarketModel model) {
        this.scenario = scenario;
        this.story = story;
        this.model = model;
        for (Entity e : model.record().entities()) {
            if (e.type() == EntityType.ARCHETYPE) {
                archetypes.add(e.name());
            }
        }
        for (String[] chart : new String[][] {{"unit_share", "UNIT_SHARE"}, {"retention", "RETENTION"},
                {"net_margin", "NET_MARGIN"}, {"fee_share", "FEE_SHARE"}}) {
            for (String a : archetypes) {
                series.add(new Series(chart[0], a, Palette.of(a), EntityType.ARCHETYPE, a, Metric.valueOf(chart[1])));
            }
        }
        if (model.platform() != null) {
            series.add(new Series("platform", "members (% of consumers)", Palette.of("platform"), EntityType.PLATFORM,
                    null, Metric.MEMBERS));
            series.add(new Series("platform", "fees (% of sales on it)", Palette.series(1), EntityType.PLATFORM, null,
                    Metric.PLATFORM_TAKE));
        }
    }

    /**
     * The taste circle as it stands (circle.js draws it), for the game's teacher's page: the set-up's segments,
     * angle bins, classes, firms and platform, the firms' states and the consumers' bins, the take rate now.
     */
    ObjectNode circle() {
        ObjectNode root = JSON.createObjectNode();
        putCircleSetup(root);
        putCircleTick(root);
        root.put("takeRate", model.platform() != null ? model.platform().takeRate() : 0);
        return root;
    }

    /** What the circle needs of the set-up: segments, angle bins, classes (with colours), firms, the platform. */
    private void putCircleSetup(ObjectNode root) {
        MarketConfig config = scenario.config();
        root.put("angleBins", ANGLE_BINS);
        ArrayNode segments = root.putArray("segments");
        for (SegmentConfig segment : config.population().segments()) {
            segments.add(segment.name());
        }
        ArrayNode classes = root.putArray("classes");
        for (String a : archetypes) {
            classes.addObject().put("name", a).put("colour", hex(Palette.of(a)));
        }
        classes.addObject().put("name", NONE).put("colour", hex(NONE_COLOUR));
        ArrayNode firms = root.putArray("firms");
        for (int j : LiveLever.movableFirms(config)) {
            String archetype = config.firms().get(j).archetype().key();
            firms.addObject().put("index", j).put("name", config.firms().get(j).name()).put("archetype", archetype)
                    .put("colour", hex(Palette.of(archetype)));
        }
        root.put("platform", config.platform() != null);
    }

    /** What the circle needs of a tick: each firm's position, whether it is in the market, its price; the bins. */
    private void putCircleTick(ObjectNode root) {
        ArrayNode firms = root.putArray("firmState");
        List<Firm> all = model.firms();
        for (int j : LiveLever.movableFirms(model.config())) {
            Firm f = all.get(j);
            firms.addObject().put("index", j).put("position", round(f.position())).put("active", f.active())
                    .put("price", round(f.price())).put("archetype", f.config().archetype().key());
        }
        root.set("bins", bins(all));
    }

    /** What a page needs to draw the lesson from scratch. */
    Frame setup(State state) {
        ObjectNode root = JSON.createObjectNode();
        root.put("scenario", scenario.name());
        root.put("title", story.title());
        ObjectNode s = root.putObject("story");
        s.put("question", story.question());
        s.put("whatItDoes", story.whatItDoes());
        s.put("whatToNotice", story.whatToNotice());
        s.put("whatToTry", story.whatToTry());
        MarketConfig config = scenario.config();
        root.put("horizon", config.horizon());
        root.put("consumers", config.population().size());
        root.put("marketSize", config.population().marketSize());
        root.put("windowWeeks", WINDOW_WEEKS);
        root.put("minSpeed", Lesson.MIN_SPEED);
        root.put("maxSpeed", Lesson.MAX_SPEED);
        putCircleSetup(root);
        ArrayNode levers = root.putArray("levers");
        for (LiveLever lever : LiveLever.values()) {
            if (lever.appliesTo(config) && lever.inLessons()) {
                levers.addObject().put("key", lever.key()).put("label", lever.label()).put("unit", lever.unit())
                        .put("perFirm", lever.perFirm()).put("switch", lever.isSwitch())
                        .put("scale", lever.scale().name().toLowerCase(Locale.ROOT)).put("min", lever.min())
                        .put("max", lever.max(config)).put("step", lever.scale().step());
            }
        }
        ArrayNode charts = root.putArray("series");
        for (Series line : series) {
            charts.addObject().put("chart", line.chart()).put("name", line.name()).put("colour", hex(line.colour()));
        }
        ArrayNode history = root.putArray("rows");
        for (double[] row : rows) {
            history.add(row(row));
        }
        addState(root, state);
        if (model.ticksDone() > 0) {
            addTick(root);
        }
        return frame("setup", root);
    }

    /** The tick just closed: its chart points and everything the page shows of it. */
    Frame tick(State state) {
        double[] row = points();
        rows.add(row);
        ObjectNode root = JSON.createObjectNode();
        root.set("row", row(row));
        addTick(root);
        addState(root, state);
        return frame("tick", root);
    }

    /** The controls changed (play, pause, speed, a lever): no new point. */
    Frame state(State state) {
        ObjectNode root = JSON.createObjectNode();
        addState(root, state);
        return frame("state", root);
    }

    /** "Platform take rate 30%"-like text for a lever's mark on the charts. */
    static String changeLabel(LiveLever lever, int firm, double value, MarketConfig config) {
        String what = lever.perFirm() ? config.firms().get(firm).name() + " " + lever.label().toLowerCase(Locale.ROOT)
                : lever.label();
        return what + " " + lever.format(value);
    }

    private void addState(ObjectNode root, State state) {
        root.put("week", model.ticksDone());
        root.put("seed", state.seed());
        root.put("speed", state.speed());
        root.put("playing", state.playing());
        root.put("finished", state.finished());
        if (state.failure() != null) {
            root.put("failure", state.failure());
        }
        ArrayNode changes = root.putArray("changes");
        for (Lesson.Change c : state.changes()) {
            changes.addObject().put("week", c.week()).put("label", c.label()).put("lever", c.lever().key())
                    .put("firm", c.firm());
        }
        ObjectNode levers = root.putObject("leverValues");
        MarketConfig config = scenario.config();
        for (LiveLever lever : LiveLever.values()) {
            if (!lever.appliesTo(config) || !lever.inLessons()) {
                continue;
            }
            if (lever.perFirm()) {
                ArrayNode perFirm = levers.putArray(lever.key());
                for (int j : LiveLever.movableFirms(config)) {
                    perFirm.add(round(lever.inForce(model, j)));
                }
            } else {
                levers.put(lever.key(), round(lever.inForce(model, 0)));
            }
        }
    }

    private void addTick(ObjectNode root) {
        int t = model.ticksDone();
        RunRecord record = model.record();
        double[][] window = record.window(Math.max(0, t - WINDOW_WEEKS), t);
        double[] market = window[window.length - 1];
        ObjectNode kpi = root.putObject("kpi");
        List<Entity> entities = record.entities();
        double rate = model.config().discountRatePerTick();
        for (int e = 0; e < entities.size(); e++) {
            Entity entity = entities.get(e);
            if (entity.type() == EntityType.PLATFORM) {
                kpi.put("platformTake", round(PERCENT * Metric.PLATFORM_TAKE.value(EntityType.PLATFORM, window[e], market, rate)));
                kpi.put("members", round(PERCENT * Metric.MEMBERS.value(EntityType.PLATFORM, window[e], market, rate)));
                int weeks = Math.min(t, WINDOW_WEEKS);
                kpi.put("platformProfit", round(Metric.NET_PROFIT.value(EntityType.PLATFORM, window[e], market, rate) / weeks));
                kpi.put("platformFees", round(Metric.PLATFORM_FEE_REVENUE.value(EntityType.PLATFORM, window[e], market, rate)
                        / weeks));
            }
        }
        kpi.put("noPurchase", round(PERCENT * Metric.OUTSIDE_SHARE.value(EntityType.MARKET, market, market, rate)));
        putCircleTick(root);
    }

    /** Consumers by segment, angle bin and class (their last supplier's archetype, or none yet), flattened. */
    private ArrayNode bins(List<Firm> firms) {
        Population p = model.population();
        int segments = model.config().population().segments().size();
        int classes = archetypes.size() + 1;
        int[] classOf = new int[firms.size()];
        for (Firm f : firms) {
            int c = archetypes.indexOf(f.config().archetype().key());
            classOf[f.index()] = c < 0 ? archetypes.size() : c;
        }
        int[] counts = new int[segments * ANGLE_BINS * classes];
        for (int i = 0; i < p.size(); i++) {
            int bin = Math.min(ANGLE_BINS - 1, (int) (p.taste(i) * ANGLE_BINS));
            int last = p.lastSupplier(i);
            int c = last < 0 ? archetypes.size() : classOf[last];
            counts[(p.segment(i) * ANGLE_BINS + bin) * classes + c]++;
        }
        ArrayNode out = JSON.createArrayNode();
        for (int n : counts) {
            out.add(n);
        }
        return out;
    }

    /** This tick's point of every series, in percent, over the last weeks. */
    private double[] points() {
        int t = model.ticksDone();
        RunRecord record = model.record();
        double[][] window = record.window(Math.max(0, t - WINDOW_WEEKS), t);
        double[] market = window[window.length - 1];
        List<Entity> entities = record.entities();
        double[] row = new double[series.size()];
        for (int k = 0; k < row.length; k++) {
            Series line = series.get(k);
            row[k] = Double.NaN;
            for (int e = 0; e < entities.size(); e++) {
                Entity entity = entities.get(e);
                if (entity.type() == line.type() && (line.entity() == null || entity.name().equals(line.entity()))) {
                    row[k] = PERCENT * line.metric().value(line.type(), window[e], market,
                            model.config().discountRatePerTick());
                }
            }
        }
        return row;
    }

    private static ArrayNode row(double[] row) {
        ArrayNode out = JSON.createArrayNode();
        for (double v : row) {
            if (Double.isFinite(v)) {
                out.add(round(v));
            } else {
                out.addNull(); // no sales yet: a gap, not a zero
            }
        }
        return out;
    }

    private static double round(double v) {
        return Double.isFinite(v) ? Math.round(v * 100) / 100.0 : 0;
    }

    private static String hex(Color c) {
        return String.format(Locale.ROOT, "#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
    }

    private static Frame frame(String event, ObjectNode root) {
        try {
            return new Frame(event, JSON.writeValueAsString(root));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
