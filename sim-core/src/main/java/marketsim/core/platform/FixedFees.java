package marketsim.core.platform;

/** The levers stay where they are: as configured, or as the classroom window set them. */
final class FixedFees implements FeeRule {
    @Override
    public FeeLevers review(FeeLevers now, FeeReview period) {
        return now;
    }
}
