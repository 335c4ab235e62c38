package marketsim.core.consumer;

import java.util.List;

import marketsim.core.config.FirmConfig;
import marketsim.core.firm.Firm;

/**
 * What consumers see of each seller this tick, flattened into arrays for the shopping loop.
 * Refreshed from the firms after they decide, before consumers shop.
 */
public final class SellerTerms {
    final int count;
    final double[] price;
    final double[] unitCost;
    final double[] quality;
    final double[] position;
    final double[] personalization;
    final double[] loyaltyDiscount;
    final double[] relationshipRate;
    final double[] failureRate;

    public SellerTerms(int count) {
        this.count = count;
        price = new double[count];
        unitCost = new double[count];
        quality = new double[count];
        position = new double[count];
        personalization = new double[count];
        loyaltyDiscount = new double[count];
        relationshipRate = new double[count];
        failureRate = new double[count];
    }

    /** Copies the firms' current terms. */
    public void refresh(List<Firm> firms) {
        for (Firm firm : firms) {
            int j = firm.index();
            FirmConfig c = firm.config();
            price[j] = firm.price();
            unitCost[j] = firm.unitCost();
            quality[j] = c.quality();
            position[j] = c.position();
            personalization[j] = c.personalization().level();
            loyaltyDiscount[j] = c.loyalty().effectiveDiscount();
            relationshipRate[j] = c.loyalty().effectiveRate(c.relationshipRate());
            failureRate[j] = c.failureRate();
        }
    }
}
