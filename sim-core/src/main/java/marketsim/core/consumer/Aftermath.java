package marketsim.core.consumer;

import static marketsim.core.metrics.Field.*;

import java.util.Arrays;
import java.util.random.RandomGenerator;

import marketsim.core.config.Channel;
import marketsim.core.config.DynamicsConfig;
import marketsim.core.config.MarketRules;
import marketsim.core.config.PlatformConfig;
import marketsim.core.ledger.Ledger;
import marketsim.core.ledger.PostingKind;
import marketsim.core.platform.Platform;
import marketsim.core.space.TasteCircle;

/**
 * The AFTERMATH phase: each purchase of the tick is experienced, relationship stocks move and
 * decay (MODEL.md 2.2), and consumers join or leave the platform (MODEL.md 4).
 *
 * <p>A purchase from {@code j} fails with probability {@code f_j}; then {@code g = -failurePenalty},
 * the consumer contacts the seller's service (failure demand, at the seller's cost per contact)
 * and becomes a detractor with probability {@code failureDetractorShare}. Independently, a
 * purchase leads to a value-demand contact with probability {@code valueContactRate}.
 * Otherwise realized quality is {@code q_j + noise Z} and
 * {@code g = 1 / (1 + exp(-kappa (realized - e_i)))}, in (0,1). A stock moves by
 * {@code gain = eta g (1 - L)} when {@code g >= 0} and {@code eta g L} when {@code g < 0}, so it
 * stays in [0,1]. Bought direct or in the store, the seller's stock moves with its
 * {@code eta_j}. Bought on the platform, the seller's stock moves by only {@code omega} of that
 * gain and the platform's own stock by the gain at the platform's rate (the private label's stock
 * is the platform's). The consumer becomes a promoter when {@code g >= promoterThreshold}, a
 * detractor when {@code g <= detractorThreshold}, passive otherwise. Then all stocks decay:
 * {@code L *= 1 - delta}.
 *
 * <p>Then word of mouth ({@link WordOfMouth}), taste drift ({@code tau += drift Z}, wrapping),
 * and the decay of teaching tilt ({@code z *= 1 - decay}). Customers' mean taste direction per
 * firm is summed for innovating firms.
 *
 * <p>Membership (not under customer dominance, where everyone is a member): with {@code A_i = a_i,platform + membershipUtility + varietyWeight ln(1 + active
 * sellers) - alpha_i (mean listed price after subsidy)} and {@code S = 1 / (1 + exp(-A_i))}, a
 * non-member joins with probability {@code joinRate S} and a member leaves with probability
 * {@code leaveRate (1 - S)}.
 */
public final class Aftermath {
    private static final byte PLATFORM = Channel.PLATFORM.code();
    /** Status codes run from {@link Population#STATUS_NONE} to {@link Population#STATUS_DETRACTOR}. */
    private static final int STATUSES = Population.STATUS_DETRACTOR + 1;

    private final Population population;
    private final SellerTerms terms;
    private final MarketRules rules;
    private final Platform platform;
    private final RandomGenerator random;
    private final RandomGenerator membershipRandom;
    private final PurchaseLog purchases;
    private final Ledger ledger;
    private final WordOfMouth wordOfMouth;
    private final DynamicsConfig dynamics;
    private final RandomGenerator driftRandom;
    /** Per firm, sums of cos and sin of 2 pi tau over its customers (for innovation). */
    private final double[] tasteCos;
    private final double[] tasteSin;
    /** Customers of each firm by status ({@code j * STATUSES + status}), and their stocks' sum, this tick. */
    private final int[] statusCount;
    private final double[] stockSum;

    /** @param platform the platform, or null; {@code membershipRandom} is then unused */
    public Aftermath(Population population, SellerTerms terms, MarketRules rules, Platform platform, Ledger ledger,
                     WordOfMouth wordOfMouth, DynamicsConfig dynamics, RandomGenerator random,
                     RandomGenerator membershipRandom, RandomGenerator driftRandom, PurchaseLog purchases) {
        this.ledger = ledger;
        this.wordOfMouth = wordOfMouth;
        this.dynamics = dynamics;
        this.driftRandom = driftRandom;
        this.tasteCos = new double[terms.count];
        this.tasteSin = new double[terms.count];
        this.statusCount = new int[terms.count * STATUSES];
        this.stockSum = new double[terms.count];
        this.population = population;
        this.terms = terms;
        this.rules = rules;
        this.platform = platform;
        this.random = random;
        this.membershipRandom = membershipRandom;
        this.purchases = purchases;
    }

    /** Experiences the tick's purchases, decays stocks, updates membership and tallies stocks. */
    public void run(double[][] firmTally, double[] platformTally) {
        experience(firmTally);
        if (wordOfMouth != null) {
            wordOfMouth.talk();
        }
        decayAndCount(firmTally);
        if (platform != null) {
            platformTally[MEMBERS.ordinal()] = dynamics.dominance().enabled() ? population.size : updateMembership();
        }
    }

    /** Direction (radians, or NaN without customers) of firm {@code j}'s customers' mean taste. */
    public double customerTasteAngle(int j) {
        return tasteCos[j] == 0 && tasteSin[j] == 0 ? Double.NaN : Math.atan2(tasteSin[j], tasteCos[j]);
    }

    private void experience(double[][] firmTally) {
        Population p = population;
        double noise = rules.qualityNoise();
        PlatformConfig pc = platform == null ? null : platform.config();
        for (int i = purchases.next(0); i >= 0; i = purchases.next(i + 1)) {
            int j = purchases.seller(i);
            double g;
            boolean failed = terms.failureRate[j] > 0 && random.nextDouble() < terms.failureRate[j];
            boolean detractor = false;
            if (failed) {
                g = -rules.failurePenalty();
                firmTally[j][FAILURES.ordinal()]++;
                firmTally[j][FAILURE_CONTACTS.ordinal()]++;
                serviceContact(j);
                detractor = rules.failureDetractorShare() > 0 && random.nextDouble() < rules.failureDetractorShare();
            } else {
                double realized = terms.quality[j] + (noise > 0 ? noise * random.nextGaussian() : 0);
                g = 1 / (1 + Math.exp(-rules.satisfactionSensitivity() * (realized - p.get(i, Population.EXPECTATION))));
            }
            double eta = terms.relationshipRate[j];
            if (purchases.channel(i) == PLATFORM && !terms.privateLabel[j]) {
                move(i, j, pc.relationshipShare() * eta, g);
                move(i, terms.platformIndex, pc.relationshipRate(), g);
            } else {
                move(i, terms.relationshipIndex[j], eta, g);
            }
            if (rules.valueContactRate() > 0 && random.nextDouble() < rules.valueContactRate()) {
                firmTally[j][VALUE_CONTACTS.ordinal()]++;
                serviceContact(j);
            }
            p.status[i] = failed ? (detractor ? Population.STATUS_DETRACTOR : Population.STATUS_PASSIVE)
                    : g >= rules.promoterThreshold() ? Population.STATUS_PROMOTER
                    : g <= rules.detractorThreshold() ? Population.STATUS_DETRACTOR
                    : Population.STATUS_PASSIVE;
        }
    }

    private void serviceContact(int j) {
        if (terms.serviceCost[j] > 0) {
            ledger.post(PostingKind.SERVICE, Ledger.firmAccount(j), Ledger.OVERHEAD, terms.serviceCost[j]);
        }
    }

    private void move(int i, int index, double eta, double g) {
        Population p = population;
        if (eta * g <= 0 && !p.remembers(i, index)) {
            return; // nothing to lose, and no memory slot to spend on it
        }
        int slot = p.slotFor(i, index);
        float stock = p.memoryStock[slot];
        stock += (float) (g >= 0 ? eta * g * (1 - stock) : eta * g * stock);
        p.memoryStock[slot] = stock;
    }

    private void decayAndCount(double[][] firmTally) {
        float keep = (float) (1 - rules.relationshipDecay());
        float[] stocks = population.memoryStock;
        for (int k = 0; k < stocks.length; k++) {
            stocks[k] *= keep; // a loop of its own, so that it vectorizes
        }
        driftAndForget();
        count(firmTally);
    }

    /** Taste drift and the decay of teaching tilt, where a scenario has them. */
    private void driftAndForget() {
        Population p = population;
        float[] hot = p.hot;
        double drift = dynamics.tasteDrift();
        if (drift > 0) {
            for (int i = 0; i < p.size; i++) {
                int k = i * Population.STRIDE + Population.TASTE;
                double x = hot[k] + drift * driftRandom.nextGaussian();
                hot[k] = (float) TasteCircle.wrap(x);
            }
        }
        double tiltDecay = dynamics.teaching().decay();
        if (tiltDecay > 0) {
            float keepTilt = (float) (1 - tiltDecay);
            for (int i = 0; i < p.size; i++) {
                hot[i * Population.STRIDE + Population.TILT] *= keepTilt;
            }
        }
    }

    /**
     * Counts each consumer under its last supplier: customers by status, and the sum of their
     * stocks with it (and, for innovating firms, their tastes). Every consumer every tick, so the
     * loop has no branch per memory slot or per status, which the data would make unpredictable:
     * the stock is picked out of the memory slots with a bit mask, and the counts go to one
     * counter per firm and status.
     */
    private void count(double[][] firmTally) {
        Population p = population;
        float[] stocks = p.memoryStock;
        short[] remembered = p.memoryFirm;
        byte[] status = p.status;
        short[] lastOf = p.last;
        short[] relationshipIndex = terms.relationshipIndex;
        int slots = p.slots;
        boolean innovation = terms.anyInnovation;
        if (innovation) {
            Arrays.fill(tasteCos, 0);
            Arrays.fill(tasteSin, 0);
        }
        Arrays.fill(statusCount, 0);
        Arrays.fill(stockSum, 0);
        for (int i = 0; i < p.size; i++) {
            int last = lastOf[i];
            if (last == Population.NONE) {
                continue;
            }
            int with = relationshipIndex[last];
            int stockBits = 0; // a firm is remembered in one slot at most
            for (int k = i * slots; k < (i + 1) * slots; k++) {
                int match = (((remembered[k] ^ with) & 0xFFFF) - 1) >> 31; // all ones where the slot is with's
                stockBits |= Float.floatToRawIntBits(stocks[k]) & match;
            }
            statusCount[last * STATUSES + status[i]]++;
            stockSum[last] += Float.intBitsToFloat(stockBits);
            if (innovation && terms.innovates[last]) {
                double angle = 2 * Math.PI * p.get(i, Population.TASTE);
                tasteCos[last] += Math.cos(angle);
                tasteSin[last] += Math.sin(angle);
            }
        }
        for (int j = 0; j < terms.count; j++) {
            double[] t = firmTally[j];
            int c = j * STATUSES;
            for (int s = 0; s < STATUSES; s++) {
                t[CUSTOMERS.ordinal()] += statusCount[c + s];
            }
            t[PROMOTERS.ordinal()] += statusCount[c + Population.STATUS_PROMOTER];
            t[DETRACTORS.ordinal()] += statusCount[c + Population.STATUS_DETRACTOR];
            t[RELATIONSHIP_SUM.ordinal()] += stockSum[j];
        }
    }

    /** Joins and departures; returns the members after them. */
    private long updateMembership() {
        Population p = population;
        PlatformConfig c = platform.config();
        double base = c.membershipUtility() + c.varietyWeight() * Math.log1p(platform.activeSellers());
        double price = platform.meanNetPrice();
        long members = 0;
        double leave = c.leaveRate();
        double join = c.joinRate();
        for (int i = 0; i < p.size; i++) {
            // The draw first: attraction is in (0, 1), so a draw above the rate decides without it.
            double u = membershipRandom.nextDouble();
            if (p.member[i]) {
                p.member[i] = u >= leave || u >= leave * (1 - attraction(base, price, i));
            } else {
                p.member[i] = u < join && u < join * attraction(base, price, i);
            }
            if (p.member[i]) {
                members++;
            }
        }
        return members;
    }

    /** The platform's pull on consumer {@code i}: 1 / (1 + exp(-(base + affinity - alpha price))). */
    private double attraction(double base, double price, int i) {
        return 1 / (1 + Math.exp(-(base + population.get(i, Population.PLATFORM_AFFINITY)
                - population.get(i, Population.ALPHA) * price)));
    }

    /** Makes each consumer a member with probability {@code share} (initialization). */
    public static void seedMembership(Population p, double share, RandomGenerator random) {
        for (int i = 0; i < p.size; i++) {
            p.member[i] = random.nextDouble() < share;
        }
    }
}
