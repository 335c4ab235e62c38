package marketsim.core.firm;

import marketsim.core.config.FirmConfig;

/** A firm during a run: its levers and what changes tick to tick. */
public final class Firm {
    private final int index;
    private final FirmConfig config;
    private final PricingRule pricing;
    private double price;

    public Firm(int index, FirmConfig config) {
        this.index = index;
        this.config = config;
        this.pricing = PricingRules.create(config.pricing());
    }

    public int index() {
        return index;
    }

    public FirmConfig config() {
        return config;
    }

    public String name() {
        return config.name();
    }

    /** Current unit cost (money/unit). */
    public double unitCost() {
        return config.unitCost();
    }

    /** List price this tick (money/unit). */
    public double price() {
        return price;
    }

    /** Asks the pricing rule for the next tick's price; {@link #commitPrice} applies it. */
    public double proposePrice() {
        return pricing.price(this);
    }

    public void commitPrice(double newPrice) {
        this.price = newPrice;
    }
}
