package marketsim.core.consumer;

import static marketsim.core.metrics.Field.*;

import ec.util.MersenneTwisterFast;
import marketsim.core.ledger.Ledger;
import marketsim.core.ledger.PostingKind;

/**
 * The CONSUMERS_SHOP phase: in a fresh random order, each consumer has a purchase occasion
 * with probability {@code lambda_i} and then chooses among the direct offers of the firms it is
 * aware of and the outside option by multinomial logit (MODEL.md 2.1):
 *
 * <pre>
 * V_ij = -alpha_i p_ij + beta_i q_j - t_i d(tau_i, x_j) (1 - phi_j pi_i)
 *        + gamma_i L_ij - s_i [j != last_i] + a_i,direct        V_i0 = u0
 * P(j) = exp(V_ij) / (exp(u0) + sum_k exp(V_ik))
 * </pre>
 *
 * with {@code p_ij} the list price less the loyalty discount when {@code j} was the last
 * supplier, {@code d} the circular distance and no switching cost before a first purchase.
 * The choice is drawn from these probabilities, never an argmax. Purchases are paid through
 * the ledger at once; their experience (satisfaction, failures) is the next phase's work.
 */
public final class Shopping {
    private final Population population;
    private final SellerTerms terms;
    private final Ledger ledger;
    private final double outsideUtility;
    private final MersenneTwisterFast orderRandom;
    private final MersenneTwisterFast choiceRandom;
    private final int[] order;
    private final int[] offerFirm;
    private final double[] offerUtility;
    private final double[] offerWeight;
    private final double[] offerPrice;
    private final PurchaseLog purchases;

    public Shopping(Population population, SellerTerms terms, Ledger ledger, double outsideUtility,
                    MersenneTwisterFast orderRandom, MersenneTwisterFast choiceRandom,
                    PurchaseLog purchases) {
        this.population = population;
        this.terms = terms;
        this.ledger = ledger;
        this.outsideUtility = outsideUtility;
        this.orderRandom = orderRandom;
        this.choiceRandom = choiceRandom;
        this.purchases = purchases;
        order = new int[population.size];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        offerFirm = new int[terms.count];
        offerUtility = new double[terms.count];
        offerWeight = new double[terms.count];
        offerPrice = new double[terms.count];
    }

    /** One tick of shopping; tallies go to {@code firmTally[j][field]} and {@code market[field]}. */
    public void shop(double[][] firmTally, double[] market) {
        shuffle();
        purchases.clear();
        Population p = population;
        double occasions = 0;
        double outside = 0;
        double surplus = 0;
        for (int k = 0; k < order.length; k++) {
            int i = order[k];
            if (choiceRandom.nextDouble() >= p.purchaseProbability[i]) {
                continue;
            }
            occasions++;
            int offers = buildOffers(i);
            // Logit draw, stabilised by the largest utility.
            double max = outsideUtility;
            for (int o = 0; o < offers; o++) {
                max = Math.max(max, offerUtility[o]);
            }
            double outsideWeight = Math.exp(outsideUtility - max);
            double total = outsideWeight;
            for (int o = 0; o < offers; o++) {
                double w = Math.exp(offerUtility[o] - max);
                offerWeight[o] = w;
                total += w;
            }
            surplus += (max + Math.log(total)) / p.alpha[i];
            double draw = choiceRandom.nextDouble() * total - outsideWeight;
            if (draw < 0) {
                outside++;
                continue;
            }
            int chosen = offers - 1; // guards against rounding at the top end
            for (int o = 0; o < offers; o++) {
                draw -= offerWeight[o];
                if (draw < 0) {
                    chosen = o;
                    break;
                }
            }
            buy(i, offerFirm[chosen], offerPrice[chosen], firmTally);
        }
        market[OCCASIONS.ordinal()] += occasions;
        market[OUTSIDE_CHOICES.ordinal()] += outside;
        market[CONSUMER_SURPLUS.ordinal()] += surplus;
    }

    /** Fills the offer scratch arrays for consumer {@code i}; returns how many offers. */
    private int buildOffers(int i) {
        Population p = population;
        SellerTerms s = terms;
        double alpha = p.alpha[i];
        double beta = p.beta[i];
        double gamma = p.gamma[i];
        double mismatch = p.mismatch[i];
        double taste = p.taste[i];
        double responsiveness = p.personalization[i];
        double switching = p.switching[i];
        double affinity = p.directAffinity[i];
        int last = p.last[i];
        int offers = 0;
        long mask = p.aware[i];
        while (mask != 0) {
            int j = Long.numberOfTrailingZeros(mask);
            mask &= mask - 1;
            boolean returning = j == last;
            double price = returning ? s.price[j] * (1 - s.loyaltyDiscount[j]) : s.price[j];
            double distance = Math.abs(taste - s.position[j]);
            distance = Math.min(distance, 1 - distance);
            double utility = -alpha * price + beta * s.quality[j]
                    - mismatch * distance * (1 - s.personalization[j] * responsiveness)
                    + gamma * p.stock(i, j) + affinity;
            if (last != Population.NONE && !returning) {
                utility -= switching;
            }
            offerFirm[offers] = j;
            offerPrice[offers] = price;
            offerUtility[offers] = utility;
            offers++;
        }
        return offers;
    }

    private void buy(int i, int j, double price, double[][] firmTally) {
        Population p = population;
        double[] t = firmTally[j];
        t[UNITS.ordinal()]++;
        t[LOYALTY_DISCOUNTS.ordinal()] += terms.price[j] - price;
        int account = Ledger.firmAccount(j);
        ledger.post(PostingKind.SALE, Ledger.CONSUMERS, account, price);
        ledger.post(PostingKind.COST_OF_GOODS, account, Ledger.SUPPLIERS, terms.unitCost[j]);
        int last = p.last[i];
        if (last != Population.NONE) {
            firmTally[last][REPEAT_OPPORTUNITIES.ordinal()]++;
            if (last == j) {
                t[RETAINED.ordinal()]++;
            } else {
                firmTally[last][LOST_CUSTOMERS.ordinal()]++;
            }
        }
        p.last[i] = (short) j;
        purchases.add(i, j);
    }

    private void shuffle() {
        for (int k = order.length - 1; k > 0; k--) {
            int r = orderRandom.nextInt(k + 1);
            int tmp = order[k];
            order[k] = order[r];
            order[r] = tmp;
        }
    }
}
