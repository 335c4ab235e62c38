package marketsim.scenario;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import marketsim.core.config.Archetype;
import marketsim.core.config.Distribution;
import marketsim.core.config.FirmConfig;
import marketsim.core.config.MarketConfig;
import marketsim.core.config.MarketRules;
import marketsim.core.config.PopulationConfig;
import marketsim.core.config.PricingRuleName;
import marketsim.core.config.SegmentConfig;
import marketsim.core.config.Trait;
import marketsim.core.config.TraitSpec;

/**
 * Turns a scenario document into a {@link Scenario}, checking every value against
 * {@link Params} and the cross-field rules, and reporting all problems at once.
 */
public final class ScenarioReader {
    private static final double SHARE_TOLERANCE = 1e-6;

    private final List<Problem> problems = new ArrayList<>();

    private ScenarioReader() {
    }

    /**
     * Reads {@code document} (already parsed, overrides applied) as scenario {@code name};
     * problems are reported against {@code source} (the file path or built-in name).
     */
    public static Scenario read(String name, String source, JsonNode document) throws ScenarioException {
        return new ScenarioReader().readDocument(name, source, document);
    }

    private Scenario readDocument(String name, String source, JsonNode document) throws ScenarioException {
        if (document == null || !document.isObject()) {
            throw new ScenarioException(source, "the document must be a mapping of keys to values (got "
                    + (document == null || document.isMissingNode() ? "an empty document" : Node.show(document))
                    + ")");
        }
        Node root = new Node(document, "", problems, null);
        String description = root.text(Params.DESCRIPTION);
        int horizon = (int) root.integer(Params.HORIZON);
        int replications = (int) root.integer(Params.REPLICATIONS);
        long seed = root.integer(Params.SEED);
        PopulationConfig population = population(root.object("population"));
        MarketRules rules = rules(root.object("market"));
        Map<String, Node> bundles = archetypes(root.object("archetypes"));
        List<FirmConfig> firms = firms(root, bundles);
        Node metrics = root.object("metrics");
        int window = (int) metrics.integer(Params.SUMMARY_WINDOW);
        double discount = metrics.number(Params.DISCOUNT_RATE);
        metrics.finish();
        root.finish();
        if (!problems.isEmpty()) {
            throw new ScenarioException(source, problems);
        }
        MarketConfig config = new MarketConfig(horizon, population, rules, firms, Math.min(window, horizon),
                discount);
        return new Scenario(name, description, replications, seed, config, document);
    }

    private PopulationConfig population(Node node) {
        int size = (int) node.integer(Params.SIZE);
        int memory = (int) node.integer(Params.MEMORY);
        double outside = node.number(Params.OUTSIDE_UTILITY);
        List<Node> segmentNodes = node.list("segments", "name");
        if (segmentNodes.isEmpty()) {
            node.problem(node.child("segments"), "at least one segment is required");
        }
        List<SegmentConfig> segments = new ArrayList<>();
        Set<String> names = new HashSet<>();
        double shares = 0;
        for (Node s : segmentNodes) {
            String name = s.requiredText(Params.SEGMENT_NAME);
            if (!names.add(name)) {
                s.problem(s.child("name"), "duplicate segment name '" + name + "'");
            }
            double share = s.number(Params.SEGMENT_SHARE);
            shares += share;
            Map<Trait, TraitSpec> traits = new EnumMap<>(Trait.class);
            for (Trait trait : Trait.values()) {
                Param p = Params.TRAITS.get(trait);
                traits.put(trait, p == null ? new TraitSpec(new Distribution.Constant(0), 0, 0) : trait(s, p));
            }
            s.finish();
            segments.add(new SegmentConfig(name, Math.max(0, Math.min(1, share)), traits));
        }
        if (!segmentNodes.isEmpty() && Math.abs(shares - 1) > SHARE_TOLERANCE) {
            node.problem(node.child("segments"), "segment shares must sum to 1, they sum to " + shares);
        }
        node.finish();
        if (segments.isEmpty() || Math.abs(shares - 1) > SHARE_TOLERANCE) {
            return null;
        }
        // Renormalise away rounding within the tolerance so the model's exact check holds.
        List<SegmentConfig> normalised = new ArrayList<>();
        for (SegmentConfig s : segments) {
            normalised.add(new SegmentConfig(s.name(), s.share() / shares, s.traits()));
        }
        return new PopulationConfig(size, memory, outside, normalised);
    }

    private TraitSpec trait(Node segment, Param p) {
        String path = segment.child(p.key());
        JsonNode value = segment.json().get(p.key());
        segment.markKnown(p.key());
        if (value == null || value.isNull()) {
            return p.defaultValue() instanceof Number n
                    ? new TraitSpec(new Distribution.Constant(n.doubleValue()), p.min(), p.max())
                    : new TraitSpec(new Distribution.Uniform(0, 1), p.min(), p.max());
        }
        if (value.isNumber()) {
            double x = value.asDouble();
            if (!(x >= p.min() && x <= p.max())) {
                segment.problem(path, "(" + Node.show(value) + ") must be in " + p.range() + " " + p.unit());
            }
            return new TraitSpec(new Distribution.Constant(x), p.min(), p.max());
        }
        if (!value.isObject()) {
            segment.problem(path, "must be a number or a distribution such as {dist: normal, mean: 1, sd: 0.2}, got "
                    + Node.show(value));
            return new TraitSpec(new Distribution.Constant(0), p.min(), p.max());
        }
        Node d = new Node(value, path, problems, null);
        String family = d.choice(Params.DIST);
        Distribution dist = switch (family) {
            case "normal" -> new Distribution.Normal(d.number(Params.DIST_MEAN), Math.max(0, d.number(Params.DIST_SD)));
            case "lognormal" -> new Distribution.LogNormal(Math.max(1e-12, d.number(Params.DIST_MEDIAN)),
                    Math.max(0, d.number(Params.DIST_SIGMA)));
            case "uniform" -> {
                double min = d.number(Params.DIST_MIN);
                double max = d.number(Params.DIST_MAX);
                if (max < min) {
                    d.problem(d.child("max"), "(" + max + ") must be >= min (" + min + ")");
                    max = min;
                }
                yield new Distribution.Uniform(min, max);
            }
            case "beta" -> {
                double a = Math.max(1e-6, d.number(Params.DIST_A));
                double b = Math.max(1e-6, d.number(Params.DIST_B));
                double min = d.number(Params.DIST_MIN);
                double max = d.number(Params.DIST_MAX);
                if (max < min) {
                    d.problem(d.child("max"), "(" + max + ") must be >= min (" + min + ")");
                    max = min;
                }
                yield new Distribution.Beta(a, b, min, max);
            }
            default -> new Distribution.Constant(d.number(Params.DIST_VALUE));
        };
        d.finish();
        return new TraitSpec(dist, p.min(), p.max());
    }

    private MarketRules rules(Node node) {
        double decay = node.number(Params.DECAY);
        double sensitivity = node.number(Params.SATISFACTION_SENSITIVITY);
        double noise = node.number(Params.QUALITY_NOISE);
        double penalty = node.number(Params.FAILURE_PENALTY);
        double promoter = node.number(Params.PROMOTER_THRESHOLD);
        double detractor = node.number(Params.DETRACTOR_THRESHOLD);
        double costPerContact = node.number(Params.COST_PER_CONTACT);
        if (detractor > promoter) {
            node.problem(node.child(Params.DETRACTOR_THRESHOLD.key()), "(" + detractor
                    + ") must be at most promoter_threshold (" + promoter + ")");
            detractor = promoter;
        }
        node.finish();
        return new MarketRules(decay, sensitivity, noise, penalty, promoter, detractor, costPerContact);
    }

    private Map<String, Node> archetypes(Node node) {
        Map<String, Node> bundles = new HashMap<>();
        var names = node.json().fieldNames();
        List<String> valid = Params.ARCHETYPE.choices();
        while (names.hasNext()) {
            String name = names.next();
            Node bundle = node.object(name);
            if (!valid.contains(name)) {
                node.problem(bundle.path(), "unknown archetype; archetypes are " + String.join(", ", valid)
                        + Node.suggest(name, valid));
                continue;
            }
            levers(bundle, "bundle", Archetype.byKey(name).orElseThrow());
            bundle.finish();
            bundles.put(name, new Node(bundle.json(), bundle.path(), new ArrayList<>(), null));
        }
        node.finish();
        return bundles;
    }

    private List<FirmConfig> firms(Node root, Map<String, Node> bundles) {
        List<Node> firmNodes = root.list("firms", "name");
        if (firmNodes.isEmpty()) {
            root.problem("firms", "at least one firm is required");
        }
        if (firmNodes.size() > MarketConfig.MAX_DIRECT_FIRMS) {
            root.problem("firms", "at most " + MarketConfig.MAX_DIRECT_FIRMS + " firms sell direct, got "
                    + firmNodes.size());
        }
        List<FirmConfig> firms = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Node plain : firmNodes) {
            String archetypeKey = plain.json().path("archetype").asText("");
            Node firm = new Node(plain.json(), plain.path(), problems, bundles.get(archetypeKey));
            String name = firm.requiredText(Params.FIRM_NAME);
            if (!name.isEmpty() && !names.add(name)) {
                firm.problem(firm.child("name"), "duplicate firm name '" + name + "'");
            }
            if (!firm.has(Params.ARCHETYPE.key())) {
                firm.problem(firm.child("archetype"), "is required: one of " + Params.ARCHETYPE.range());
            }
            Archetype archetype = Archetype.byKey(firm.choice(Params.ARCHETYPE)).orElse(Archetype.PRODUCT_FOCUSED);
            firms.add(levers(firm, name, archetype));
            firm.finish();
        }
        return firms;
    }

    /** Reads all firm levers from {@code n} (a firm, or an archetype bundle without name). */
    private FirmConfig levers(Node n, String name, Archetype archetype) {
        double position = n.number(Params.POSITION);
        double quality = n.number(Params.QUALITY);
        double unitCost = n.number(Params.UNIT_COST);
        PricingRuleName pricing = PricingRuleName.byKey(n.choice(Params.PRICING)).orElse(PricingRuleName.COST_PLUS);
        double markup = n.number(Params.MARKUP);
        double failure = n.number(Params.FAILURE_RATE);
        double eta = n.number(Params.RELATIONSHIP_RATE);
        double cash = n.number(Params.INITIAL_CASH);
        Node loyaltyNode = n.object("loyalty");
        var loyalty = new FirmConfig.LoyaltyProgram(loyaltyNode.bool(Params.LOYALTY_ENABLED),
                loyaltyNode.number(Params.LOYALTY_DISCOUNT), loyaltyNode.number(Params.LOYALTY_BONUS));
        loyaltyNode.finish();
        Node pNode = n.object("personalization");
        var personalization = new FirmConfig.Personalization(pNode.number(Params.PERSONALIZATION_LEVEL),
                pNode.number(Params.PERSONALIZATION_FIXED), pNode.number(Params.PERSONALIZATION_PER_CUSTOMER));
        pNode.finish();
        Node mNode = n.object("marketing");
        var marketing = new FirmConfig.Marketing(mNode.number(Params.INITIAL_AWARENESS),
                mNode.number(Params.MARKETING_SPEND));
        mNode.finish();
        Node channels = n.object("channels");
        Node direct = channels.object("direct");
        var directChannel = new FirmConfig.DirectChannel(direct.number(Params.DIRECT_FIXED_COST));
        direct.finish();
        channels.finish();
        return new FirmConfig(name, archetype, position >= 1 ? 0 : position, quality, unitCost, pricing,
                markup, failure, eta, loyalty, personalization, marketing, directChannel, cash);
    }
}
