package marketsim.core.firm;

import java.util.List;

/**
 * What a firm that extends its range learns at a review (MODEL.md 3; essay 004): which category its customers need
 * most and buy elsewhere. {@code consumer.Wallet} knows it; {@link Review} asks after imitation.
 */
public interface RangeExpansion {
    /** Each active firm that expands its range adds at most one category. */
    void expand(List<Firm> firms);
}
