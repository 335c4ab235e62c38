package marketsim.scenario;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import marketsim.core.config.Distribution;
import marketsim.core.config.FirmConfig;
import marketsim.core.config.TraitSpec;
import marketsim.core.consumer.TraitSampler;
import marketsim.core.random.Streams;
import marketsim.scenario.input.Problem;

/**
 * Reads a {@code seller_pools:} element: {@code count} sellers (and {@code entrants} who enter
 * later) named {@code NAME-001}, ..., each a firm whose distribution-valued levers are drawn.
 */
final class SellerPoolReader {
    private SellerPoolReader() {
    }

    /** Levers a pool may draw from a distribution, per seller. */
    private static final List<Param> POOL_DRAWN = List.of(FirmParams.POSITION, FirmParams.QUALITY, FirmParams.UNIT_COST,
            FirmParams.MARKUP, FirmParams.FAILURE_RATE, FirmParams.RELATIONSHIP_RATE, FirmParams.INITIAL_CASH);

    /**
     * The sellers of one pool. Distribution-valued levers are drawn per seller from a stream keyed
     * by the pool's and the lever's names (so the sellers are part of the scenario, the same in
     * every replication); the position defaults to uniform on the circle.
     */
    static List<FirmConfig> read(Node pool, Map<String, Node> bundles, Set<String> names) {
        List<Problem> problems = pool.problems();
        String name = pool.requiredText(FirmParams.POOL_NAME);
        int count = (int) pool.integer(FirmParams.POOL_COUNT);
        int entrants = (int) pool.integer(FirmParams.POOL_ENTRANTS);
        Map<String, TraitSpec> drawn = new java.util.LinkedHashMap<>();
        for (Param p : POOL_DRAWN) {
            JsonNode v = pool.json().get(p.key());
            if (v != null && v.isObject()) {
                drawn.put(p.key(), DistributionReader.read(pool, p));
            } else if (v == null && p == FirmParams.POSITION) {
                drawn.put(p.key(), new TraitSpec(new Distribution.Uniform(0, 1), 0, 1));
            }
        }
        JsonNode platformChannel = pool.json().path("channels").path("platform");
        TraitSpec bid = null;
        if (platformChannel.path(FirmParams.AD_BID.key()).isObject()) {
            bid = DistributionReader.read(new Node(platformChannel, pool.child("channels.platform"), problems, null),
                    FirmParams.AD_BID);
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
                ((ObjectNode) seller.get("channels").get("platform")).put(FirmParams.AD_BID.key(),
                        sample(name, "ad_bid", bid, false, streams));
            }
            // The first seller reports problems (at the pool's paths); the others would repeat them.
            List<Problem> sink = k == 0 ? problems : new ArrayList<>();
            // The first seller's defaults are recorded in the pool's entry: every seller copies it.
            Node node = FirmReader.withBundle(pool.reread(seller, null, sink, k == 0), bundles, sink);
            node.markKnown("name");
            if (!names.add(sellerName)) {
                pool.problem(pool.child("name"), "seller name '" + sellerName + "' is already taken");
            }
            FirmConfig levers = FirmReader.levers(node, sellerName, FirmReader.archetype(node), name);
            sellers.add(k < count ? levers : levers.asEntrant());
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
}
