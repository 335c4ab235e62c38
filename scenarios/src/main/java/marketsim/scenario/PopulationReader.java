package marketsim.scenario;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import marketsim.core.config.Distribution;
import marketsim.core.config.PopulationConfig;
import marketsim.core.config.SegmentConfig;
import marketsim.core.config.Trait;
import marketsim.core.config.TraitSpec;

/**
 * Reads the {@code population:} section: its size (simulated consumers) and market size (consumers
 * represented), memory and outside option, and its segments,
 * each a share of the consumers with a value or a distribution per trait. Shares must sum to 1
 * (within {@value #SHARE_TOLERANCE}, then renormalised so the model's exact check holds).
 */
final class PopulationReader {
    private static final double SHARE_TOLERANCE = 1e-6;

    private PopulationReader() {
    }

    static PopulationConfig read(Node node) {
        int size = (int) node.integer(Params.SIZE);
        long marketSize = node.integer(Params.MARKET_SIZE);
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
            int needs = (int) s.integer(Params.SEGMENT_NEEDS);
            shares += share;
            Map<Trait, TraitSpec> traits = new EnumMap<>(Trait.class);
            for (Trait trait : Trait.values()) {
                Param p = Params.TRAITS.get(trait);
                traits.put(trait, p == null ? new TraitSpec(new Distribution.Constant(0), 0, 0) : DistributionReader.read(s, p));
            }
            s.finish();
            segments.add(new SegmentConfig(name, Math.max(0, Math.min(1, share)), traits, needs));
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
            normalised.add(new SegmentConfig(s.name(), s.share() / shares, s.traits(), s.needs()));
        }
        return new PopulationConfig(Math.max(1, size), Math.max(1, marketSize), Math.max(1, memory), outside,
                normalised);
    }
}
