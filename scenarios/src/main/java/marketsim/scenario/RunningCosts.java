package marketsim.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import marketsim.core.config.FirmConfig;
import marketsim.core.config.MarketConfig;

/**
 * What each firm pays every week whatever it sells (issue 19: which costs keep running): its web
 * store, personalization while enabled (at any level, even 0), quality investment, marketing (web
 * stores only), education and innovation, and the cost of each category range expansion adds. Sellers of one pool are summed under the pool's name.
 * Read by {@code scenarios show} and under the printed summary of a run.
 */
public final class RunningCosts {
    private RunningCosts() {
    }

    /** One line per firm (or pool), and a note for each firm paying for personalization it does not use. */
    public static List<String> lines(MarketConfig config) {
        Map<String, double[]> byName = new LinkedHashMap<>();
        Map<String, Integer> count = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        for (FirmConfig f : config.firms()) {
            String name = f.pool() == null ? f.name() : f.pool();
            double[] c = byName.computeIfAbsent(name, k -> new double[8]);
            count.merge(name, 1, Integer::sum);
            FirmConfig.Personalization p = f.personalization();
            c[0] += f.direct() == null ? 0 : f.direct().fixedCostPerTick();
            c[1] += p.fixedCostInForce();
            c[2] += p.costPerCustomerInForce();
            c[3] += f.qualityInvestment().spendPerTick();
            c[4] += f.direct() == null ? 0 : f.marketing().spendPerTick();
            c[5] += f.education();
            c[6] += f.innovation().spend();
            c[7] += f.range().expand() ? f.range().costPerCategory() : 0;
            if (p.enabled() && p.level() == 0 && (p.fixedCostPerTick() > 0 || p.costPerCustomer() > 0)) {
                notes.add(String.format(Locale.ROOT, "%s: personalization at level 0 still costs %s a week and %s per "
                                + "customer (it is enabled); personalization.enabled=false stops both", f.name(),
                        money(p.fixedCostPerTick()), money(p.costPerCustomer())));
            }
        }
        List<String> out = new ArrayList<>();
        String[] labels = {"web store", "personalization", "", "quality", "marketing", "education", "innovation", ""};
        byName.forEach((name, c) -> {
            double total = 0;
            List<String> parts = new ArrayList<>();
            for (int k = 0; k < c.length; k++) {
                if (k != 2 && k != 7 && c[k] > 0) {
                    total += c[k];
                    parts.add(labels[k] + " " + money(c[k]));
                }
            }
            String perCustomer = (c[2] > 0 ? ", plus " + money(c[2]) + " per customer (personalization)" : "")
                    + (c[7] > 0 ? ", plus " + money(c[7]) + " per category its range expansion adds" : "");
            int n = count.get(name);
            String who = n == 1 ? name : name + " (" + n + " sellers)";
            out.add(parts.isEmpty() && c[2] == 0 && c[7] == 0 ? who + ": none"
                    : who + ": " + money(total) + (parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")") + perCustomer);
        });
        out.addAll(notes);
        return out;
    }

    /**
     * One of a firm's levers and the costs it carries: fixed per week (paid whatever is sold), per unit sold, per
     * customer per week; and the results metric its spending is reported under (docs/RESULTS.md).
     *
     * @param firm        the firm (or "POOL (n sellers, each)")
     * @param lever       the lever's path under {@code firms[NAME]} (what {@code --set} changes)
     * @param value       its value in force
     * @param fixed       money per week it costs whatever is sold ("" if none)
     * @param perUnit     money (or share of price) per unit sold it costs ("" if none)
     * @param perCustomer money per customer per week ("" if none)
     * @param reported    the metric(s) its costs appear under in the results
     * @param note        what else to know about the costs ("" if nothing)
     */
    public record LeverCost(String firm, String lever, String value, String fixed, String perUnit,
                            String perCustomer, String reported, String note) {
        /** The costs in one phrase: "600/week + 0.05 per customer/week (note)"; "none" if it carries none. */
        public String costs() {
            List<String> parts = new ArrayList<>();
            if (!fixed.isEmpty()) {
                parts.add(fixed + "/week");
            }
            if (!perUnit.isEmpty()) {
                parts.add(perUnit + " per unit");
            }
            if (!perCustomer.isEmpty()) {
                parts.add(perCustomer + " per customer/week");
            }
            if (parts.isEmpty()) {
                return note.isEmpty() ? "none" : note;
            }
            String text = String.join(" + ", parts);
            return note.isEmpty() ? text : text + " (" + note + ")";
        }
    }

    /**
     * Every firm's levers with the costs each carries, in scenario order (a pool's sellers once, as one seller of
     * the pool): what {@code scenarios show NAME --levers} prints. Platform and store fees are the intermediary's
     * levers, paid by the firms that sell there.
     */
    public static List<LeverCost> levers(MarketConfig config) {
        List<LeverCost> out = new ArrayList<>();
        Map<String, Integer> poolSize = new LinkedHashMap<>();
        for (FirmConfig f : config.firms()) {
            if (f.pool() != null) {
                poolSize.merge(f.pool(), 1, Integer::sum);
            }
        }
        java.util.Set<String> shown = new java.util.HashSet<>();
        for (FirmConfig f : config.firms()) {
            if (f.pool() != null && !shown.add(f.pool())) {
                continue;
            }
            String who = f.pool() == null ? f.name() : f.pool() + " (" + poolSize.get(f.pool()) + " sellers, each)";
            out.addAll(levers(who, f, config));
        }
        return out;
    }

    private static List<LeverCost> levers(String who, FirmConfig f, MarketConfig config) {
        List<LeverCost> out = new ArrayList<>();
        out.add(new LeverCost(who, "pricing, markup", f.pricing().key() + ", " + number(f.markup()), "", "", "",
                "mean_price, revenue", "the price; it carries no cost"));
        out.add(new LeverCost(who, "unit_cost", number(f.unitCost()), "", number(f.unitCost()), "",
                "unit_cost, gross_margin", "cost of goods" + (f.learning().rate() > 0 ? ", falling with volume: "
                        + "learning.rate " + number(f.learning().rate()) : "")));
        if (f.direct() != null) {
            out.add(new LeverCost(who, "channels.direct.fixed_cost", "web store", money(f.direct().fixedCostPerTick()),
                    "", "", "fixed_costs", ""));
            out.add(new LeverCost(who, "marketing.spend", money(f.marketing().spendPerTick()),
                    money(f.marketing().spendPerTick()), "", "", "marketing_costs", "web stores only"));
        }
        if (f.platform() != null && config.platform() != null && !f.privateLabel()) {
            var p = config.platform();
            out.add(new LeverCost(who, "channels.platform", "listed", positive(p.listingFee()),
                    percent(p.takeRate()) + " of price + " + money(p.fulfilmentFee()), "",
                    "commission_fees, fulfilment_fees, listing_fees, ad_fees",
                    "the platform's take_rate, fulfilment_fee and listing_fee" + (f.platform().adBid() > 0
                            ? "; ad_bid " + money(f.platform().adBid()) + " per sale through a sponsored result" : "")));
        }
        if (f.store() != null && config.store() != null) {
            var st = config.store();
            out.add(new LeverCost(who, "channels.store", "applies for the shelf", positive(st.slottingFee()), "", "",
                    "store_fees", "the store's slotting_fee while on the shelf; its " + percent(st.retailMargin())
                            + " retail margin is added to the price and paid by buyers"));
        }
        FirmConfig.Personalization p = f.personalization();
        out.add(new LeverCost(who, "personalization.level", p.enabled() ? number(p.level()) : "off (enabled=false)",
                p.enabled() ? positive(p.fixedCostPerTick()) : "", "", p.enabled() ? positive(p.costPerCustomer()) : "",
                "personalization_costs", p.enabled() && (p.fixedCostPerTick() > 0 || p.costPerCustomer() > 0)
                        ? "paid at any level, 0 included, while enabled; personalization.enabled=false stops it" : ""));
        FirmConfig.LoyaltyProgram l = f.loyalty();
        out.add(new LeverCost(who, "loyalty.discount", l.enabled() ? percent(l.discount()) : "off (enabled=false)", "",
                l.enabled() && l.discount() > 0 ? percent(l.discount()) + " of price" : "", "", "loyalty_discounts",
                l.enabled() && l.discount() > 0 ? "to returning buyers only" : ""));
        if (f.qualityInvestment().spendPerTick() > 0) {
            out.add(new LeverCost(who, "quality_investment.spend", money(f.qualityInvestment().spendPerTick()),
                    money(f.qualityInvestment().spendPerTick()), "", "", "quality_costs", "lowers the failure rate"));
        }
        out.add(new LeverCost(who, "service.cost_per_contact", money(f.service().costPerContact()), "", "", "",
                "service_costs", money(f.service().costPerContact()) + " per service contact (failures and questions)"));
        if (f.education() > 0) {
            out.add(new LeverCost(who, "education.spend", money(f.education()), money(f.education()), "", "",
                    "education_costs", ""));
        }
        if (f.innovation().spend() > 0) {
            out.add(new LeverCost(who, "innovation.spend", money(f.innovation().spend()), money(f.innovation().spend()), "", "",
                    "innovation_costs", ""));
        }
        return out;
    }

    private static String positive(double v) {
        return v > 0 ? money(v) : "";
    }

    private static String number(double v) {
        return String.format(Locale.ROOT, "%.4g", v).replaceFirst("\\.?0+$", "").replaceFirst("\\.?0+e", "e");
    }

    private static String percent(double share) {
        return number(100 * share) + "%";
    }

    private static String money(double v) {
        return v == Math.rint(v) ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%,.2f", v);
    }
}
