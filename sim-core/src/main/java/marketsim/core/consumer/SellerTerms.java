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
    final double[] serviceCost;
    final boolean[] active;
    /** Whether a firm sells through its web store now (a game's team may close it; its awareness bit stays). */
    final boolean[] directOpen;
    /** The categories each seller offers (a mask), and its tenure scale (0: full fit from the start). */
    final long[] range;
    final double[] tenureScale;
    final boolean[] innovates;
    boolean anyInnovation;
    /** The memory index a seller's relationship is kept under: its own, or the platform's for the private label. */
    final short[] relationshipIndex;
    final boolean[] privateLabel;
    /** Firm index of each direct-channel awareness bit. */
    final int[] directFirm;
    /** Awareness bit of each firm, or -1 without a direct channel. */
    final int[] directBit;
    /** The platform's pseudo-firm index in relationship memory. */
    final short platformIndex;

    public SellerTerms(List<Firm> firms) {
        count = firms.size();
        price = new double[count];
        unitCost = new double[count];
        quality = new double[count];
        position = new double[count];
        personalization = new double[count];
        loyaltyDiscount = new double[count];
        relationshipRate = new double[count];
        failureRate = new double[count];
        serviceCost = new double[count];
        active = new boolean[count];
        directOpen = new boolean[count];
        range = new long[count];
        tenureScale = new double[count];
        innovates = new boolean[count];
        boolean any = false;
        for (Firm firm : firms) {
            innovates[firm.index()] = firm.config().innovation().innovates();
            any |= innovates[firm.index()];
        }
        anyInnovation = any;
        relationshipIndex = new short[count];
        privateLabel = new boolean[count];
        directBit = new int[count];
        platformIndex = (short) count;
        int bits = 0;
        for (Firm firm : firms) {
            if (firm.config().direct() != null) {
                bits++;
            }
        }
        directFirm = new int[bits];
        int bit = 0;
        for (Firm firm : firms) {
            int j = firm.index();
            privateLabel[j] = firm.config().privateLabel();
            relationshipIndex[j] = privateLabel[j] ? platformIndex : (short) j;
            directOpen[j] = firm.config().direct() != null;
            if (firm.config().direct() != null) {
                directFirm[bit] = j;
                directBit[j] = bit++;
            } else {
                directBit[j] = -1;
            }
        }
    }

    /** Copies the firms' current terms. */
    public void refresh(List<Firm> firms) {
        anyInnovation = false;
        for (Firm firm : firms) {
            int j = firm.index();
            FirmConfig c = firm.config();
            price[j] = firm.price();
            unitCost[j] = firm.unitCost();
            quality[j] = c.quality();
            position[j] = firm.position();
            active[j] = firm.active();
            directOpen[j] = c.direct() != null;
            range[j] = firm.range();
            tenureScale[j] = c.personalization().tenureScale();
            innovates[j] = firm.active() && c.innovation().innovates();
            anyInnovation |= innovates[j];
            personalization[j] = firm.personalization();
            loyaltyDiscount[j] = c.loyalty().effectiveDiscount();
            relationshipRate[j] = firm.relationshipRate();
            failureRate[j] = firm.failureRate();
            serviceCost[j] = c.service().costPerContact();
        }
    }

    /** The awareness bit of firm {@code j}, or -1 if it has no direct channel. */
    public int directBit(int j) {
        return directBit[j];
    }

    /** The relationship index of the platform itself. */
    public short platformIndex() {
        return platformIndex;
    }
}
