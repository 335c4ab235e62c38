package marketsim.core.firm;

/**
 * How a firm sets its list price. {@link #review} runs at each adaptation review with the period
 * just ended; {@link #price} gives the price for the coming tick from the firm's current state.
 */
public interface PricingRule {
    /** The list price for the next tick (money/unit). */
    double price(Firm firm);

    /** Learns from the period just ended; rules that do not adapt do nothing. */
    default void review(Firm firm, ReviewContext context) {
    }
}
