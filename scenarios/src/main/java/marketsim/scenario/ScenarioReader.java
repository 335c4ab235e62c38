package marketsim.scenario;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import marketsim.core.config.Archetype;
import marketsim.core.config.Categories;
import marketsim.core.config.DynamicsConfig;
import marketsim.core.config.FirmConfig;
import marketsim.core.config.MarketConfig;
import marketsim.core.config.StopRule;
import marketsim.core.config.MarketRules;
import marketsim.core.config.PlatformConfig;
import marketsim.core.config.PopulationConfig;
import marketsim.core.config.StoreConfig;
import marketsim.core.config.WordOfMouthConfig;
import marketsim.scenario.input.Locations;
import marketsim.scenario.input.Problem;
import marketsim.scenario.input.Suggestions;

/**
 * Turns a scenario document into a {@link Scenario}, checking every value against
 * {@link Params} and the cross-field rules, and reporting all problems at once. Each section has
 * its reader: {@link PopulationReader}, {@link FirmReader} (with {@link SellerPoolReader}),
 * {@link IntermediaryReader}, {@link DynamicsReader}; this class reads the top level and the
 * {@code market:} rules and checks the rules between sections.
 */
public final class ScenarioReader {
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
        ObjectNode complete = ((ObjectNode) document).deepCopy();
        Node root = Node.recording(document, complete, problems, locations);
        String description = root.text(Params.DESCRIPTION);
        int horizon = (int) root.integer(Params.HORIZON);
        int replications = (int) root.integer(Params.REPLICATIONS);
        long seed = root.integer(Params.SEED);
        String money = root.text(Params.MONEY_UNIT).strip();
        if (money.isEmpty() || money.length() > Params.MONEY_UNIT_LENGTH || !money.matches("[^\\p{Cntrl}]+")) {
            root.problem(root.child(Params.MONEY_UNIT.key()), "must be a name of 1 to " + Params.MONEY_UNIT_LENGTH
                    + " characters on one line, e.g. EUR or money (got '" + money + "')");
            money = (String) Params.MONEY_UNIT.defaultValue();
        }
        PopulationConfig population = PopulationReader.read(root.object("population"));
        Node market = root.object("market");
        Categories categories = categories(market);
        MarketRules rules = rules(market);
        Map<Archetype, FirmConfig> bundleLevers = new EnumMap<>(Archetype.class);
        Map<String, Node> bundles = FirmReader.archetypes(root.object("archetypes"), bundleLevers);
        List<FirmConfig> firms = FirmReader.read(root, bundles);
        root.markKnown("platform");
        root.markKnown("store");
        // A section set to null (e.g. "store: null" in a scenario that extends one with a store) is absent.
        PlatformConfig platform = document.hasNonNull("platform") ? IntermediaryReader.platform(root.object("platform")) : null;
        StoreConfig store = document.hasNonNull("store") ? IntermediaryReader.store(root.object("store")) : null;
        crossCheck(firms, platform, store);
        checkCategories(categories, firms, population);
        WordOfMouthConfig wordOfMouth = DynamicsReader.wordOfMouth(root.object("word_of_mouth"));
        DynamicsConfig dynamics = DynamicsReader.dynamics(root.object("dynamics"));
        Node metrics = root.object("metrics");
        int window = (int) metrics.integer(Params.SUMMARY_WINDOW);
        double discount = metrics.number(Params.DISCOUNT_RATE);
        int lapse = (int) metrics.integer(Params.LAPSE_WINDOW);
        int tenureBand = (int) metrics.integer(Params.TENURE_BAND);
        metrics.finish();
        // absent: no stop conditions, and nothing recorded (the complete document of a scenario without them is unchanged)
        StopRule stop = document.hasNonNull("stop") ? StopReader.read(root.object("stop")) : StopRule.NONE;
        root.markKnown("stop");
        root.finish();
        if (!problems.isEmpty()) {
            throw new ScenarioException(source, problems.stream().distinct().toList()); // a pool's sellers share paths
        }
        MarketConfig config = new MarketConfig(horizon, population, rules, firms, bundleLevers, platform, store,
                wordOfMouth, dynamics, Math.min(window, horizon), discount, lapse, categories, tenureBand, stop);
        List<Problem> stopProblems = StopReader.checkEntities(config, "stop.when");
        if (!stopProblems.isEmpty()) {
            throw new ScenarioException(source, stopProblems);
        }
        return new Scenario(name, description, replications, seed, money, config, document, complete);
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
        double dissimilarity = node.number(Params.CHANNEL_DISSIMILARITY);
        if (detractor > promoter) {
            node.problem(node.child(Params.DETRACTOR_THRESHOLD.key()), "(" + detractor
                    + ") must be at most promoter_threshold (" + promoter + ")");
            detractor = promoter;
        }
        node.finish();
        return new MarketRules(decay, sensitivity, noise, penalty, promoter, detractor, costPerContact,
                failureDetractors, valueContacts, dissimilarity);
    }

    /** The {@code market.categories} list and the relationship's cross-category reach. */
    private Categories categories(Node market) {
        double cross = market.number(Params.CROSS_CATEGORY);
        List<Categories.Category> list = new ArrayList<>();
        List<Node> nodes = market.list("categories", "name");
        for (Node c : nodes) {
            String name = c.requiredText(Params.CATEGORY_NAME);
            double frequency = c.number(Params.CATEGORY_FREQUENCY);
            c.finish();
            if (list.stream().anyMatch(k -> k.name().equals(name))) {
                c.problem(c.child("name"), "duplicate category name '" + name + "'");
            } else if (!name.isEmpty()) {
                list.add(new Categories.Category(name, frequency));
            }
        }
        if (list.size() > Categories.MAX) {
            market.problem(market.child("categories"), "at most " + Categories.MAX + " categories, got " + list.size());
            return Categories.NONE;
        }
        return new Categories(list, cross);
    }

    /** Firms offer categories the market has; segments need no more categories than it has. */
    private void checkCategories(Categories categories, List<FirmConfig> firms, PopulationConfig population) {
        for (FirmConfig f : firms) {
            String at = (f.pool() == null ? "firms[" + f.name() + "]" : "seller_pools[" + f.pool() + "]") + ".categories";
            for (String name : f.range().categories()) {
                if (categories.indexOf(name) < 0) {
                    List<String> known = categories.list().stream().map(Categories.Category::name).toList();
                    problems.add(new Problem(at, "unknown category '" + name + "'; " + (known.isEmpty()
                            ? "the market has no categories (market.categories)"
                            : "categories are " + String.join(", ", known) + Suggestions.didYouMean(name, known))));
                }
            }
        }
        if (population != null) {
            for (int s = 0; s < population.segments().size(); s++) {
                var segment = population.segments().get(s);
                if (segment.needs() > categories.count()) {
                    problems.add(new Problem("population.segments[" + segment.name() + "].needs", "(" + segment.needs()
                            + ") must be at most the number of categories in market.categories (" + categories.count()
                            + ")"));
                }
            }
        }
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
}
