package marketsim.core.platform;

/**
 * The platform's fee levers in force: its commission on third-party sales and the discount it pays consumers.
 *
 * @param takeRate commission, share of the seller's list price, in [0, 1)
 * @param subsidy  share of the list price paid back to the consumer, in [0, 1)
 */
public record FeeLevers(double takeRate, double subsidy) {
}
