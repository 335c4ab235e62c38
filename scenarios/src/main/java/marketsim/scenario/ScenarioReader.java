package marketsim.scenario;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import marketsim.core.consumer.TraitSampler;
import marketsim.core.random.Streams;
import marketsim.core.config.Archetype;
import marketsim.core.config.Distribution;
import marketsim.core.config.DynamicsConfig;
import marketsim.core.config.FirmConfig;
import marketsim.core.config.MarketConfig;
import marketsim.core.config.MarketRules;
import marketsim.core.config.PlatformConfig;
import marketsim.core.config.PopulationConfig;
import marketsim.core.config.PricingRuleName;
import marketsim.core.config.SegmentConfig;
import marketsim.core.config.StoreConfig;
import marketsim.core.config.Trait;
import marketsim.core.config.TraitSpec;
import marketsim.core.config.WordOfMouthConfig;

/**
 * Turns a scenario document into a {@link Scenario}, checking every value against
 * {@link Params} and the cross-field rules, and reporting all problems at once.
 */
public final class ScenarioReader {
    private static final double SHARE_TOLERANCE = 1e-6;

    private final List<Problem> problems = new ArrayList<>();

    private final Locations locations;

    private ScenarioReader(Locations locations) {
        this.locations = locations;
    }

    /**
     * Reads {@code document} (already parsed, overrides applied) as scenario {@code name};
     * problems are reported against {@code source} (the file path or built-in name).
     */
    public static Scenario read(String name, String source, JsonNode document) throws ScenarioException {
        return read(name, source, document, null);
    }

    /** As {@link #read(String, String, JsonNode)}, naming lines and columns from {@code locations}. */
    static Scenario read(String name, String source, JsonNode document, Locations locations) throws ScenarioException {
        ScenarioReader reader = new ScenarioReader(locations);
        try {
            return reader.readDocument(name, source, document);
        } catch (IllegalArgumentException e) {
            // A model record refused a value: the reader reported why, unless a rule is missing here.
            if (!reader.problems.isEmpty()) {
                throw new ScenarioException(source, reader.problems.stream().distinct().toList());
            }
            throw new ScenarioException(source, "invalid scenario: " + e.getMessage());
        }
    }

    private Scenario readDocument(String name, String source, JsonNode document) throws ScenarioException {
        if (document == null || !document.isObject()) {
            throw new ScenarioException(source, "the document must be a mapping of keys to values (got "
                    + (document == null || document.isMissingNode() ? "an empty document" : Node.show(document))
                    + ")");
        }
        Node root = new Node(document, "", problems, null, locations);
        String description = root.text(Params.DESCRIPTION);
        int horizon = (int) root.integer(Params.HORIZON);
        int replications = (int) root.integer(Params.REPLICATIONS);
        long seed = root.integer(Params.SEED);
        PopulationConfig population = population(root.object("population"));
        MarketRules rules = rules(root.object("market"));
        Map<Archetype, FirmConfig> bundleLevers = new java.util.EnumMap<>(Archetype.class);
        Map<String, Node> bundles = archetypes(root.object("archetypes"), bundleLevers);
        List<FirmConfig> firms = firms(root, bundles);
        root.markKnown("platform");
        root.markKnown("store");
        // A section set to null (e.g. "store: null" in a scenario that extends one with a store) is absent.
        PlatformConfig platform = document.hasNonNull("platform") ? platform(root.object("platform")) : null;
        StoreConfig store = document.hasNonNull("store") ? store(root.object("store")) : null;
        crossCheck(firms, platform, store);
        WordOfMouthConfig wordOfMouth = wordOfMouth(root.object("word_of_mouth"));
        DynamicsConfig dynamics = dynamics(root.object("dynamics"));
        Node metrics = root.object("metrics");
        int window = (int) metrics.integer(Params.SUMMARY_WINDOW);
        double discount = metrics.number(Params.DISCOUNT_RATE);
        metrics.finish();
        root.finish();
        if (!problems.isEmpty()) {
            throw new ScenarioException(source, problems.stream().distinct().toList()); // a pool's sellers share paths
        }
        MarketConfig config = new MarketConfig(horizon, population, rules, firms, bundleLevers, platform, store,
                wordOfMouth, dynamics, Math.min(window, horizon), discount);
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
            node.problem(node.child("segments"), "segment shares must sum to 1, they sum to "
                    + String.format(java.util.Locale.ROOT, "%.6g", shares).replaceFirst("\\.?0+$", ""));
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
        return new PopulationConfig(Math.max(1, size), Math.max(1, memory), outside, normalised);
    }

    private TraitSpec trait(Node segment, Param p) {
        return distribution(segment, p);
    }

    /** A number (constant) or {dist: ...} under {@code p.key()}, clipped to {@code p}'s range. */
    private TraitSpec distribution(Node segment, Param p) {
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
        Node d = new Node(value, path, problems, null, segment.locations());
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
        double failureDetractors = node.number(Params.FAILURE_DETRACTOR_SHARE);
        double valueContacts = node.number(Params.VALUE_CONTACT_RATE);
        if (detractor > promoter) {
            node.problem(node.child(Params.DETRACTOR_THRESHOLD.key()), "(" + detractor
                    + ") must be at most promoter_threshold (" + promoter + ")");
            detractor = promoter;
        }
        node.finish();
        return new MarketRules(decay, sensitivity, noise, penalty, promoter, detractor, costPerContact,
                failureDetractors, valueContacts);
    }

    private Map<String, Node> archetypes(Node node, Map<Archetype, FirmConfig> levers) {
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
            Archetype archetype = Archetype.byKey(name).orElseThrow();
            levers.put(archetype, levers(bundle, name, archetype, null));
            bundle.finish();
            bundles.put(name, new Node(bundle.json(), bundle.path(), new ArrayList<>(), null));
        }
        node.finish();
        return bundles;
    }

    private List<FirmConfig> firms(Node root, Map<String, Node> bundles) {
        List<Node> firmNodes = root.list("firms", "name");
        List<Node> poolNodes = root.list("seller_pools", "name");
        if (firmNodes.isEmpty() && poolNodes.isEmpty()) {
            root.problem("firms", "at least one firm (or seller pool) is required");
        }
        List<FirmConfig> firms = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Node plain : firmNodes) {
            Node firm = withBundle(plain, bundles, problems);
            String name = firm.requiredText(Params.FIRM_NAME);
            if (!name.isEmpty() && !names.add(name)) {
                firm.problem(firm.child("name"), "duplicate firm name '" + name + "'");
            }
            firms.add(levers(firm, name, archetype(firm), null));
            firm.finish();
        }
        for (Node pool : poolNodes) {
            firms.addAll(pool(pool, bundles, names));
        }
        return firms;
    }

    private static Node withBundle(Node plain, Map<String, Node> bundles, List<Problem> sink) {
        String archetypeKey = plain.json().path("archetype").asText("");
        if (!bundles.containsKey(archetypeKey) && Params.ARCHETYPE.choices().contains(archetypeKey)) {
            sink.add(new Problem(plain.child("archetype"), "no lever bundle '" + archetypeKey + "' under archetypes: "
                    + "define one (it may be empty, {}, to take every default) so the firm's levers are deliberate"));
        }
        return new Node(plain.json(), plain.path(), sink, bundles.get(archetypeKey), plain.locations());
    }

    private Archetype archetype(Node firm) {
        if (!firm.has(Params.ARCHETYPE.key())) {
            firm.problem(firm.child("archetype"), "is required: one of " + Params.ARCHETYPE.range());
        }
        return Archetype.byKey(firm.choice(Params.ARCHETYPE)).orElse(Archetype.PRODUCT_FOCUSED);
    }

    /** Levers a pool may draw from a distribution, per seller. */
    private static final List<Param> POOL_DRAWN = List.of(Params.POSITION, Params.QUALITY, Params.UNIT_COST,
            Params.MARKUP, Params.FAILURE_RATE, Params.RELATIONSHIP_RATE, Params.INITIAL_CASH);

    /**
     * The sellers of one pool. Distribution-valued levers are drawn per seller from a stream keyed
     * by the pool's and the lever's names (so the sellers are part of the scenario, the same in
     * every replication); the position defaults to uniform on the circle.
     */
    private List<FirmConfig> pool(Node pool, Map<String, Node> bundles, Set<String> names) {
        String name = pool.requiredText(Params.POOL_NAME);
        int count = (int) pool.integer(Params.POOL_COUNT);
        int entrants = (int) pool.integer(Params.POOL_ENTRANTS);
        Map<String, TraitSpec> drawn = new java.util.LinkedHashMap<>();
        for (Param p : POOL_DRAWN) {
            JsonNode v = pool.json().get(p.key());
            if (v != null && v.isObject()) {
                drawn.put(p.key(), distribution(pool, p));
            } else if (v == null && p == Params.POSITION) {
                drawn.put(p.key(), new TraitSpec(new marketsim.core.config.Distribution.Uniform(0, 1), 0, 1));
            }
        }
        JsonNode platformChannel = pool.json().path("channels").path("platform");
        TraitSpec bid = null;
        if (platformChannel.path(Params.AD_BID.key()).isObject()) {
            bid = distribution(new Node(platformChannel, pool.child("channels.platform"), problems, null), Params.AD_BID);
        }
        List<FirmConfig> sellers = new ArrayList<>();
        if (!problems.isEmpty() && name.isEmpty()) {
            return sellers;
        }
        Map<String, RandomGenerator> streams = new HashMap<>();
        for (int k = 0; k < count + entrants; k++) {
            ObjectNode seller = ((ObjectNode) pool.json()).deepCopy();
            seller.remove(List.of("name", "count", "entrants"));
            String sellerName = String.format(java.util.Locale.ROOT, "%s-%03d", name, k + 1);
            seller.put("name", sellerName);
            for (Map.Entry<String, TraitSpec> e : drawn.entrySet()) {
                seller.put(e.getKey(), sample(name, e.getKey(), e.getValue(), e.getKey().equals("position"), streams));
            }
            if (bid != null) {
                ((ObjectNode) seller.get("channels").get("platform")).put(Params.AD_BID.key(),
                        sample(name, "ad_bid", bid, false, streams));
            }
            // The first seller reports problems (at the pool's paths); the others would repeat them.
            List<Problem> sink = k == 0 ? problems : new ArrayList<>();
            Node node = withBundle(new Node(seller, pool.path(), sink, null), bundles, sink);
            node.markKnown("name");
            if (!names.add(sellerName)) {
                pool.problem(pool.child("name"), "seller name '" + sellerName + "' is already taken");
            }
            FirmConfig levers = levers(node, sellerName, archetype(node), name);
            sellers.add(k < count ? levers : new FirmConfig(levers.name(), levers.archetype(), levers.position(),
                    levers.quality(), levers.unitCost(), levers.learning(), levers.pricing(), levers.markup(),
                    levers.failureRate(), levers.qualityInvestment(), levers.service(), levers.relationshipRate(),
                    levers.loyalty(), levers.personalization(), levers.marketing(), levers.education(),
                    levers.innovation(), levers.direct(), levers.platform(), levers.store(), levers.initialCash(),
                    levers.pool(), true, levers.owner()));
            node.finish();
        }
        return sellers;
    }

    private static double sample(String pool, String key, TraitSpec spec, boolean circular,
                                 Map<String, RandomGenerator> streams) {
        RandomGenerator random = streams.computeIfAbsent(key, k -> Streams.generator(
                Streams.derive(Streams.nameKey("pool:" + pool), Streams.nameKey(k))));
        return new TraitSampler(spec, circular, random).next();
    }

    private WordOfMouthConfig wordOfMouth(Node node) {
        WordOfMouthConfig config = new WordOfMouthConfig(node.number(Params.TALK_RATE), node.number(Params.ATTITUDE),
                (int) node.integer(Params.MEAN_DEGREE) / 2 * 2, node.number(Params.REWIRING));
        node.finish();
        return config;
    }

    private DynamicsConfig dynamics(Node node) {
        double drift = node.number(Params.TASTE_DRIFT);
        double innovationCost = node.number(Params.INNOVATION_COST);
        Node t = node.object("teaching");
        var teaching = new DynamicsConfig.Teaching(t.number(Params.TEACHING_STEP), t.number(Params.TEACHING_DECAY),
                t.number(Params.PRICE_SHIFT), t.number(Params.QUALITY_SHIFT), t.number(Params.RELATIONSHIP_SHIFT));
        t.finish();
        Node d = node.object("customer_dominance");
        var dominance = new DynamicsConfig.CustomerDominance(d.bool(Params.DOMINANCE), d.number(Params.SWITCHING_FACTOR));
        d.finish();
        Node a = node.object("adaptation");
        var adaptation = new DynamicsConfig.Adaptation(Math.max(1, (int) a.integer(Params.REVIEW_EVERY)),
                a.number(Params.MARKUP_STEP), a.number(Params.IMITATION_RATE), (int) a.integer(Params.EXIT_AFTER),
                a.number(Params.PRICE_ADJUSTMENT));
        a.finish();
        node.finish();
        return new DynamicsConfig(drift, teaching, Math.max(1e-9, innovationCost), dominance, adaptation);
    }

    private PlatformConfig platform(Node node) {
        double take = node.number(Params.TAKE_RATE);
        double fee = node.number(Params.FULFILMENT_FEE);
        double cost = node.number(Params.FULFILMENT_COST);
        double listing = node.number(Params.LISTING_FEE);
        double subsidy = node.number(Params.SUBSIDY);
        double fixed = node.number(Params.PLATFORM_FIXED_COST);
        double cash = node.number(Params.PLATFORM_CASH);
        int review = (int) node.integer(Params.PLATFORM_REVIEW);
        int maxEntrants = (int) node.integer(Params.MAX_ENTRANTS);
        double relist = node.number(Params.RELIST_SHARE);
        Node ranking = node.object("ranking");
        int results = (int) ranking.integer(Params.RESULTS);
        int sponsored = (int) ranking.integer(Params.SPONSORED_SLOTS);
        int bins = (int) ranking.integer(Params.TASTE_BINS);
        double self = ranking.number(Params.SELF_PREFERENCING);
        if (sponsored > results) {
            ranking.problem(ranking.child("sponsored_slots"), "(" + sponsored + ") must be at most results (" + results + ")");
            sponsored = results;
        }
        ranking.finish();
        Node recommendation = node.object("recommendation");
        double max = recommendation.number(Params.RECOMMENDATION_MAX);
        double scale = recommendation.number(Params.RECOMMENDATION_SCALE);
        recommendation.finish();
        Node relationship = node.object("relationship");
        double omega = relationship.number(Params.RELATIONSHIP_SHARE);
        double platformRate = relationship.number(Params.PLATFORM_RELATIONSHIP_RATE);
        relationship.finish();
        Node membership = node.object("membership");
        double initial = membership.number(Params.INITIAL_MEMBERS);
        double join = membership.number(Params.JOIN_RATE);
        double leave = membership.number(Params.LEAVE_RATE);
        double variety = membership.number(Params.VARIETY_WEIGHT);
        double base = membership.number(Params.MEMBERSHIP_UTILITY);
        membership.finish();
        node.finish();
        return new PlatformConfig(take, fee, cost, listing, subsidy, fixed, cash, Math.max(1, results),
                Math.max(0, sponsored), Math.max(1, bins), self, max, Math.max(1, scale), omega, platformRate,
                initial, join, leave, variety, base, Math.max(1, review), maxEntrants, relist);
    }

    private StoreConfig store(Node node) {
        StoreConfig store = new StoreConfig(Math.max(1, (int) node.integer(Params.SLOTS)), node.number(Params.SLOTTING_FEE),
                node.number(Params.RETAIL_MARGIN), node.number(Params.STORE_FIXED_COST), node.number(Params.STORE_CASH),
                Math.max(1, (int) node.integer(Params.STORE_REVIEW)));
        node.finish();
        return store;
    }

    /** Rules between sections: channels need their intermediary; the private label is special. */
    private void crossCheck(List<FirmConfig> firms, PlatformConfig platform, StoreConfig store) {
        long direct = 0;
        for (int j = 0; j < firms.size(); j++) {
            FirmConfig f = firms.get(j);
            String at = f.pool() == null ? "firms[" + f.name() + "]" : "seller_pools[" + f.pool() + "]";
            if (f.direct() != null) {
                direct++;
            }
            if (f.platform() != null && platform == null) {
                problems.add(new Problem(at + ".channels.platform", "the firm lists on a platform, but the scenario "
                        + "has no platform: section"));
            }
            if (f.store() != null && store == null) {
                problems.add(new Problem(at + ".channels.store", "the firm applies to a store, but the scenario "
                        + "has no store: section"));
            }
            if (f.privateLabel() && (f.direct() != null || f.store() != null || f.platform() == null)) {
                problems.add(new Problem(at + ".channels", "a hybrid-platform firm is the platform's private label: "
                        + "it sells on the platform only (channels: {direct: false, platform: true})"));
            }
            if (f.entrant() && (f.platform() == null || f.direct() != null || f.store() != null)) {
                problems.add(new Problem(at + ".entrants", "entrants enter the platform: give the pool "
                        + "channels: {direct: false, platform: ...} and no store"));
            }
            if (f.direct() == null && f.marketing().spendPerTick() > 0) {
                problems.add(new Problem(at + ".marketing.spend", "marketing reaches consumers for a web store, and "
                        + "this firm has none (channels.direct): set spend to 0 or give it a web store"));
            }
            if (f.direct() == null && f.platform() == null && f.store() == null) {
                problems.add(new Problem(at + ".channels", "the firm sells through no channel: give it direct, "
                        + "platform or store"));
            }
        }
        if (direct > MarketConfig.MAX_DIRECT_FIRMS) {
            problems.add(new Problem("firms", "at most " + MarketConfig.MAX_DIRECT_FIRMS + " firms may have a direct "
                    + "channel (web store), got " + direct));
        }
        if (firms.size() > MarketConfig.MAX_FIRMS) {
            problems.add(new Problem("seller_pools", "at most " + MarketConfig.MAX_FIRMS + " firms in all, got "
                    + firms.size()));
        }
    }

    /** Reads all firm levers from {@code n} (a firm, or an archetype bundle without name). */
    private FirmConfig levers(Node n, String name, Archetype archetype, String pool) {
        double position = n.number(Params.POSITION);
        double quality = n.number(Params.QUALITY);
        double unitCost = n.number(Params.UNIT_COST);
        PricingRuleName pricing = PricingRuleName.byKey(n.choice(Params.PRICING)).orElse(PricingRuleName.COST_PLUS);
        double markup = n.number(Params.MARKUP);
        double failure = n.number(Params.FAILURE_RATE);
        double eta = n.number(Params.RELATIONSHIP_RATE);
        double cash = n.number(Params.INITIAL_CASH);
        String owner = n.text(Params.OWNER);
        Node loyaltyNode = n.object("loyalty");
        var loyalty = new FirmConfig.LoyaltyProgram(loyaltyNode.bool(Params.LOYALTY_ENABLED),
                loyaltyNode.number(Params.LOYALTY_DISCOUNT), loyaltyNode.number(Params.LOYALTY_BONUS));
        loyaltyNode.finish();
        Node pNode = n.object("personalization");
        var personalization = new FirmConfig.Personalization(pNode.number(Params.PERSONALIZATION_LEVEL),
                pNode.number(Params.PERSONALIZATION_FIXED), pNode.number(Params.PERSONALIZATION_PER_CUSTOMER),
                pNode.number(Params.PERSONALIZATION_DATA_SCALE));
        pNode.finish();
        Node lNode = n.object("learning");
        var learning = new FirmConfig.Learning(lNode.number(Params.LEARNING_RATE), lNode.number(Params.LEARNING_SCALE));
        lNode.finish();
        Node qNode = n.object("quality_investment");
        var qualityInvestment = new FirmConfig.QualityInvestment(qNode.number(Params.QUALITY_SPEND),
                qNode.number(Params.QUALITY_HALVING));
        qNode.finish();
        Node sNode = n.object("service");
        var service = new FirmConfig.Service(sNode.number(Params.SERVICE_COST));
        sNode.finish();
        Node eNode = n.object("education");
        double education = eNode.number(Params.EDUCATION_SPEND);
        eNode.finish();
        Node iNode = n.object("innovation");
        double innovation = iNode.number(Params.INNOVATION_SPEND);
        iNode.finish();
        Node mNode = n.object("marketing");
        var marketing = new FirmConfig.Marketing(mNode.number(Params.INITIAL_AWARENESS),
                mNode.number(Params.MARKETING_SPEND));
        mNode.finish();
        boolean anyChannels = n.raw("channels") != null;
        Node channels = n.object("channels");
        FirmConfig.DirectChannel directChannel = null;
        if (!anyChannels || present(channels, "direct")) { // no channels at all: a web store, the default
            Node direct = channels.object("direct");
            directChannel = new FirmConfig.DirectChannel(direct.number(Params.DIRECT_FIXED_COST));
            direct.finish();
        }
        FirmConfig.PlatformListing listing = null;
        if (present(channels, "platform")) {
            Node platform = channels.object("platform");
            listing = new FirmConfig.PlatformListing(platform.number(Params.AD_BID));
            platform.finish();
        }
        FirmConfig.StoreShelf shelf = null;
        if (present(channels, "store")) {
            channels.object("store").finish();
            shelf = new FirmConfig.StoreShelf();
        }
        channels.finish(); // a firm without any channel is reported by crossCheck; a bundle may have none
        return new FirmConfig(name, archetype, position >= 1 ? 0 : position, quality, unitCost, learning, pricing,
                markup, failure, qualityInvestment, service, eta, loyalty, personalization, marketing, education, innovation, directChannel, listing, shelf, cash, pool, false,
                owner);
    }

    /** A channel is present when given as a mapping or {@code true}; absent when missing or {@code false}. */
    private static boolean present(Node channels, String key) {
        JsonNode v = channels.raw(key);
        if (v == null || v.isBoolean() && !v.asBoolean()) {
            return false;
        }
        if (!v.isObject() && !v.isBoolean()) {
            channels.problem(channels.child(key), "must be a mapping, true or false, got " + Node.show(v));
            return false;
        }
        return true;
    }
}
