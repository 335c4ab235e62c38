package marketsim.core.platform;

/**
 * How the platform sets its take rate and subsidy (MODEL.md 4: each set by a rule, like a firm's price). At each of
 * its fee reviews it gives the levers for the period to come from those in force and the period just ended.
 */
public interface FeeRule {
    FeeLevers review(FeeLevers now, FeeReview period);
}
