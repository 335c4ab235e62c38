package marketsim.scenario;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import marketsim.core.config.Archetype;
import marketsim.core.config.FirmConfig;
import marketsim.core.config.PricingRuleName;
import marketsim.scenario.input.Problem;
import marketsim.scenario.input.Suggestions;

/**
 * Reads the firms: the {@code archetypes:} lever bundles, then each firm of {@code firms:} as its
 * own levers over its archetype's bundle (a lever the firm leaves out is the bundle's, then the
 * default), and the sellers of {@code seller_pools:} ({@link SellerPoolReader}).
 */
final class FirmReader {
    private FirmReader() {
    }

    static Map<String, Node> archetypes(Node node, Map<Archetype, FirmConfig> levers) {
        Map<String, Node> bundles = new HashMap<>();
        var names = node.json().fieldNames();
        List<String> valid = FirmParams.ARCHETYPE.choices();
        while (names.hasNext()) {
            String name = names.next();
            Node bundle = node.object(name);
            if (!valid.contains(name)) {
                node.problem(bundle.path(), "unknown archetype; archetypes are " + String.join(", ", valid)
                        + Suggestions.didYouMean(name, valid));
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

    static List<FirmConfig> read(Node root, Map<String, Node> bundles) {
        List<Node> firmNodes = root.list("firms", "name");
        List<Node> poolNodes = root.list("seller_pools", "name");
        if (firmNodes.isEmpty() && poolNodes.isEmpty()) {
            root.problem("firms", "at least one firm (or seller pool) is required");
        }
        List<FirmConfig> firms = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Node plain : firmNodes) {
            Node firm = withBundle(plain, bundles, root.problems());
            String name = firm.requiredText(FirmParams.FIRM_NAME);
            if (!name.isEmpty() && !names.add(name)) {
                firm.problem(firm.child("name"), "duplicate firm name '" + name + "'");
            }
            firms.add(levers(firm, name, archetype(firm), null));
            firm.finish();
        }
        for (Node pool : poolNodes) {
            firms.addAll(SellerPoolReader.read(pool, bundles, names));
        }
        return firms;
    }

    static Node withBundle(Node plain, Map<String, Node> bundles, List<Problem> sink) {
        String archetypeKey = plain.json().path("archetype").asText("");
        if (!bundles.containsKey(archetypeKey) && FirmParams.ARCHETYPE.choices().contains(archetypeKey)) {
            sink.add(new Problem(plain.child("archetype"), "no lever bundle '" + archetypeKey + "' under archetypes: "
                    + "define one (it may be empty, {}, to take every default) so the firm's levers are deliberate"));
        }
        return plain.reread(plain.json(), bundles.get(archetypeKey), sink, true);
    }

    static Archetype archetype(Node firm) {
        if (!firm.has(FirmParams.ARCHETYPE.key())) {
            firm.problem(firm.child("archetype"), "is required: one of " + FirmParams.ARCHETYPE.range());
        }
        return Archetype.byKey(firm.choice(FirmParams.ARCHETYPE)).orElse(Archetype.PRODUCT_FOCUSED);
    }

    /** Reads all firm levers from {@code n} (a firm, or an archetype bundle without name). */
    static FirmConfig levers(Node n, String name, Archetype archetype, String pool) {
        double position = n.number(FirmParams.POSITION);
        double quality = n.number(FirmParams.QUALITY);
        double unitCost = n.number(FirmParams.UNIT_COST);
        PricingRuleName pricing = PricingRuleName.byKey(n.choice(FirmParams.PRICING)).orElse(PricingRuleName.COST_PLUS);
        double markup = n.number(FirmParams.MARKUP);
        boolean feeAware = n.bool(FirmParams.FEE_AWARE);
        double failure = n.number(FirmParams.FAILURE_RATE);
        double eta = n.number(FirmParams.RELATIONSHIP_RATE);
        double cash = n.number(FirmParams.INITIAL_CASH);
        String owner = n.text(FirmParams.OWNER);
        Node loyaltyNode = n.object("loyalty");
        var loyalty = new FirmConfig.LoyaltyProgram(loyaltyNode.bool(FirmParams.LOYALTY_ENABLED),
                loyaltyNode.number(FirmParams.LOYALTY_DISCOUNT), loyaltyNode.number(FirmParams.LOYALTY_BONUS));
        loyaltyNode.finish();
        Node pNode = n.object("personalization");
        var personalization = new FirmConfig.Personalization(pNode.bool(FirmParams.PERSONALIZATION_ENABLED),
                pNode.number(FirmParams.PERSONALIZATION_LEVEL), pNode.number(FirmParams.PERSONALIZATION_FIXED),
                pNode.number(FirmParams.PERSONALIZATION_PER_CUSTOMER), pNode.number(FirmParams.PERSONALIZATION_DATA_SCALE),
                pNode.number(FirmParams.PERSONALIZATION_RELATIONSHIP), pNode.number(FirmParams.PERSONALIZATION_TENURE));
        pNode.finish();
        Node lNode = n.object("learning");
        var learning = new FirmConfig.Learning(lNode.number(FirmParams.LEARNING_RATE), lNode.number(FirmParams.LEARNING_SCALE));
        lNode.finish();
        Node qNode = n.object("quality_investment");
        var qualityInvestment = new FirmConfig.QualityInvestment(qNode.number(FirmParams.QUALITY_SPEND),
                qNode.number(FirmParams.QUALITY_HALVING));
        qNode.finish();
        Node sNode = n.object("service");
        var service = new FirmConfig.Service(sNode.number(FirmParams.SERVICE_COST));
        sNode.finish();
        Node eNode = n.object("education");
        double education = eNode.number(FirmParams.EDUCATION_SPEND);
        eNode.finish();
        Node iNode = n.object("innovation");
        var innovation = new FirmConfig.Innovation(iNode.number(FirmParams.INNOVATION_SPEND),
                "market".equals(iNode.choice(FirmParams.INNOVATION_TARGET)) ? FirmConfig.Innovation.Target.MARKET
                        : FirmConfig.Innovation.Target.CUSTOMERS, iNode.number(FirmParams.INNOVATION_LEAD));
        iNode.finish();
        Node mNode = n.object("marketing");
        var marketing = new FirmConfig.Marketing(mNode.number(FirmParams.INITIAL_AWARENESS),
                mNode.number(FirmParams.MARKETING_SPEND));
        mNode.finish();
        List<String> categories = categoryNames(n);
        Node rNode = n.object("range");
        var range = new FirmConfig.Range(categories, rNode.bool(FirmParams.RANGE_EXPAND),
                rNode.number(FirmParams.RANGE_COST));
        rNode.finish();
        boolean anyChannels = n.raw("channels") != null;
        Node channels = n.object("channels");
        FirmConfig.DirectChannel directChannel = null;
        if (!anyChannels || present(channels, "direct")) { // no channels at all: a web store, the default
            Node direct = channels.object("direct");
            directChannel = new FirmConfig.DirectChannel(direct.number(FirmParams.DIRECT_FIXED_COST));
            direct.finish();
        }
        FirmConfig.PlatformListing listing = null;
        if (present(channels, "platform")) {
            Node platform = channels.object("platform");
            listing = new FirmConfig.PlatformListing(platform.number(FirmParams.AD_BID));
            platform.finish();
        }
        FirmConfig.StoreShelf shelf = null;
        if (present(channels, "store")) {
            channels.object("store").finish();
            shelf = new FirmConfig.StoreShelf();
        }
        channels.finish(); // a firm without any channel is reported by crossCheck; a bundle may have none
        return new FirmConfig(name, archetype, position >= 1 ? 0 : position, quality, unitCost, learning, pricing,
                markup, feeAware, failure, qualityInvestment, service, eta, loyalty, personalization, marketing, education, innovation, directChannel, listing, shelf, cash, pool, false,
                owner, range);
    }

    /**
     * The names under {@code categories:}, a list of text (absent: none, meaning every category); whether the market
     * has them is checked with the other sections ({@code ScenarioReader}).
     */
    private static List<String> categoryNames(Node n) {
        JsonNode v = n.raw(FirmParams.CATEGORIES.key());
        List<String> names = new ArrayList<>();
        if (v == null || v.isNull()) {
            return names;
        }
        if (!v.isArray()) {
            n.problem(n.child(FirmParams.CATEGORIES.key()), "must be a list of category names from market.categories, "
                    + "e.g. [staples, fresh], got " + Node.show(v));
            return names;
        }
        for (JsonNode e : v) {
            if (!e.isTextual() || e.asText().isBlank()) {
                n.problem(n.child(FirmParams.CATEGORIES.key()), "must list category names (text), got " + Node.show(e));
            } else if (!names.contains(e.asText())) {
                names.add(e.asText());
            }
        }
        return names;
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
