package marketsim.core.firm;

import java.util.Arrays;

import marketsim.core.config.Channel;
import marketsim.core.config.FirmConfig;

/**
 * Where a seller expects its next units to sell, and its full marginal cost there (MODEL.md 3; ODD 7.7). A seller
 * sets one list price for all its channels, off the channel-weighted condition
 * <pre>
 * full unit cost = (c + sum_ch w_ch f_ch) / (1 - sum_ch w_ch tau_ch)
 * </pre>
 * the list price at which its expected unit just breaks even, with {@code tau_ch} and {@code f_ch} each channel's
 * commission and per-unit fee ({@link ChannelCharges}) and {@code w_ch} its expected unit shares by channel. In one
 * channel this is {@code (c + f) / (1 - tau)}; direct it is {@code c}.
 *
 * <p>The expectation is naive, as elsewhere in the model (ODD 4, Prediction): the unit shares by channel of the last
 * review period in which it sold anything; before the first, its channels weighted equally. Ad fees count as a
 * per-unit fee of its platform units: what its sponsored sales cost it over that period, per platform unit (the
 * second price of a slot depends on the next bidder, not on the seller's own price, so it is a fee per unit, not a
 * commission).
 *
 * <p>The condition holds as it is under the nested logit over a product's channels (MODEL.md 2.1): where every channel
 * charges the consumer the list price, a price change moves the product's demand, not its split between channels,
 * so the channel weights are the same at the margin as on average ({@link DemandSlopes}).
 */
public final class ChannelMix {
    private static final int DIRECT = Channel.DIRECT.ordinal();
    private static final int PLATFORM = Channel.PLATFORM.ordinal();
    private static final int STORE = Channel.STORE.ordinal();

    private final double[] weight = new double[Channel.values().length];
    private final double[] periodUnits = new double[weight.length];
    private double periodAdFees;
    private double adFeePerPlatformUnit;

    /** Starts with the firm's configured channels weighted equally. */
    ChannelMix(FirmConfig config) {
        reset(config);
    }

    /**
     * Starts again with {@code config}'s channels weighted equally, as at the start (a game's team changed its
     * channels: the last period's split no longer says where its units will sell).
     */
    void reset(FirmConfig config) {
        Arrays.fill(periodUnits, 0);
        periodAdFees = 0;
        boolean[] has = {config.direct() != null, config.platform() != null, config.store() != null};
        int count = 0;
        for (boolean h : has) {
            count += h ? 1 : 0;
        }
        for (int ch = 0; ch < weight.length; ch++) {
            weight[ch] = has[ch] ? 1.0 / count : 0;
        }
    }

    /** Adds a tick's units by channel and the ad fees paid for them. */
    public void record(double directUnits, double platformUnits, double storeUnits, double adFees) {
        periodUnits[DIRECT] += directUnits;
        periodUnits[PLATFORM] += platformUnits;
        periodUnits[STORE] += storeUnits;
        periodAdFees += adFees;
    }

    /** A review period ends: the next one is expected to sell as it did, if it sold anything. */
    void startPeriod() {
        double total = periodUnits[DIRECT] + periodUnits[PLATFORM] + periodUnits[STORE];
        if (total > 0) {
            for (int ch = 0; ch < weight.length; ch++) {
                weight[ch] = periodUnits[ch] / total;
            }
        }
        if (periodUnits[PLATFORM] > 0) {
            adFeePerPlatformUnit = periodAdFees / periodUnits[PLATFORM];
        }
        Arrays.fill(periodUnits, 0);
        periodAdFees = 0;
    }

    /** The expected unit share of channel {@code channel}. */
    public double weight(Channel channel) {
        return weight[channel.ordinal()];
    }

    /**
     * The full unit cost of seller {@code j} at unit cost {@code unitCost} (money/unit), with the charges of the
     * platform and the store (either null when the market has none).
     */
    double fullUnitCost(int j, double unitCost, ChannelCharges platform, ChannelCharges store) {
        double commission = 0;
        double fees = 0;
        if (platform != null && weight[PLATFORM] > 0) {
            commission += weight[PLATFORM] * platform.commission(j);
            fees += weight[PLATFORM] * (platform.perUnitFee(j) + adFeePerPlatformUnit);
        }
        if (store != null && weight[STORE] > 0) {
            commission += weight[STORE] * store.commission(j);
            fees += weight[STORE] * store.perUnitFee(j);
        }
        return (unitCost + fees) / (1 - commission);
    }
}
