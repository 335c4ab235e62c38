package marketsim.core.firm;

/**
 * What a channel charges a seller on each unit sold through it, besides the unit's cost of goods (MODEL.md 3): a
 * commission {@code tau} as a share of the list price (the platform's take rate, the store's retail margin) and a
 * fee {@code f} in money per unit (the platform's fulfilment fee). A unit sold at list price {@code p} through the
 * channel earns the seller {@code (1 - tau) p - c - f}. Charges per tick (listing and slotting fees) are not
 * marginal and are not here; the ad fee of a sponsored slot is a per-unit fee of the units sold from that slot,
 * known only per sale (see {@link ChannelMix} and {@link DemandSlopes}).
 */
public interface ChannelCharges {
    /** {@code tau}: the share of the list price the channel keeps on a unit of seller {@code j}, in [0, 1). */
    double commission(int j);

    /** {@code f}: money per unit seller {@code j} pays the channel besides the commission. */
    double perUnitFee(int j);
}
