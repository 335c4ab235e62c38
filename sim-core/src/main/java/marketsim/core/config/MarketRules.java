package marketsim.core.config;

/**
 * Market-wide rules of the consumer side.
 *
 * @param relationshipDecay      {@code delta}: share of every relationship stock lost per tick
 * @param satisfactionSensitivity {@code kappa}: steepness of {@code g(sat)} in realized quality
 *                               minus expectation (1/quality)
 * @param qualityNoise           sd of realized quality around {@code q_j} (quality units)
 * @param failurePenalty         {@code g} of a failed purchase is {@code -failurePenalty}
 * @param promoterThreshold      {@code g >=} this makes the consumer a promoter
 * @param detractorThreshold     {@code g <=} this makes the consumer a detractor
 * @param costPerContact         marketing money per consumer contact (money/contact)
 * @param failureDetractorShare  probability a failure makes the consumer a detractor (otherwise passive)
 * @param valueContactRate       probability a purchase leads to a value-demand service contact
 *                               (a question, help with use), besides failure demand
 * @param channelDissimilarity   {@code lambda} in (0, 1]: the nested-logit dissimilarity of one product's channels
 *                               (MODEL.md 2.1): 1 makes each channel an independent alternative, toward 0 the
 *                               channels of a product become perfect substitutes
 */
public record MarketRules(double relationshipDecay, double satisfactionSensitivity,
                          double qualityNoise, double failurePenalty, double promoterThreshold,
                          double detractorThreshold, double costPerContact, double failureDetractorShare,
                          double valueContactRate, double channelDissimilarity) {
    public MarketRules {
        if (!(channelDissimilarity > 0 && channelDissimilarity <= 1)) {
            throw new IllegalArgumentException("channel dissimilarity must be in (0, 1], got " + channelDissimilarity);
        }
        if (detractorThreshold > promoterThreshold) {
            throw new IllegalArgumentException("detractor threshold above promoter threshold");
        }
    }
}
