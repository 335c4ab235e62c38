package marketsim.core.platform;

import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleSupplier;
import java.util.random.RandomGenerator;

import marketsim.core.config.FirmConfig;
import marketsim.core.config.PlatformConfig;
import marketsim.core.firm.ChannelCharges;
import marketsim.core.firm.Firm;
import marketsim.core.ledger.Ledger;
import marketsim.core.ledger.PostingKind;
import marketsim.core.space.TasteCircle;

/**
 * The platform's state and decisions (MODEL.md section 4).
 *
 * <p><b>Listing.</b> Every {@code reviewEvery} ticks each third-party seller lists if its expected profit per tick,
 * {@code units x (p (1 - take) - c - fulfilmentFee) - listingFee}, is positive, where {@code units} is its own platform
 * sales per tick since the last review if it was listed, else the mean over listed third-party sellers; a delisted
 * seller for which listing pays again relists with probability {@code relistShare} (partial adjustment: were they all
 * to return at once on the same expectation, they would all leave again, a cobweb cycle). The private label is always
 * listed. Then potential entrants (sellers generated as a pool's {@code entrants}) enter, in order, at most
 * {@code maxEntrantsPerReview} a review, when the same expectation with the mean units of listed sellers is positive
 * for them.
 *
 * <p><b>Ranking</b>, computed once per tick for each of {@code B} taste bins, never per consumer: for a reference
 * consumer (population means of alpha, beta, t, pi) at the bin's centre, each listed seller's relevance is
 * {@code r = -alpha p (1 - s) + beta q - t d (1 - phi pi)}. The sponsored slots go to the highest ad ranks
 * ({@link AdAuction}; bid = the seller's ad bid, capped at its unit margin after fees as a share of price). The
 * remaining slots go to the highest organic scores, {@code r} plus the self-preferencing weight for the private label.
 *
 * <p><b>Recommendation quality</b> {@code phi = max (1 - exp(-D / scale))}, with {@code D} all
 * platform transactions so far (units, in market units like every count): the data network effect.
 *
 * <p><b>Fees.</b> The platform posts what it charges and pays to the ledger itself. On each sale
 * through it: the subsidy to the consumer ({@code subsidy x list price}), its own fulfilment cost,
 * and from a third-party seller the commission ({@code takeRate x list price}), the fulfilment fee
 * and, from a sponsored slot, the slot's ad fee; the private label pays it nothing. Each tick
 * (ACCOUNTING): a listing fee from every listed third-party seller, and its own fixed cost.
 * The take rate and subsidy start as configured and follow its fee rule ({@link FeeSchedule}).
 */
public final class Platform implements ChannelCharges {
    /** No seller in a ranking slot. */
    public static final int EMPTY = -1;

    private PlatformConfig config;
    private final List<Firm> firms;
    private final boolean[] sells;
    /** Sellers that pay the platform's fees (all but the private label), as at the start. */
    private final boolean[] thirdParty;
    private final boolean[] listed;
    private final double[] unitsSinceReview;
    private final int[] ranking;
    private final double[] adFee;
    private final double alphaRef;
    private final double betaRef;
    private final double mismatchRef;
    private final double responsivenessRef;
    private final double[] relevance;
    private final double[] organic;
    private final AdAuction auction;
    /** {@code e_r = r^-eta} of each result slot (0 = the top), for the examination decay in force. */
    private final double[] examination;
    private double examinationDecay;
    private double transactions;
    private double phi;
    private int activeSellers;
    private double meanNetPrice;

    private final RandomGenerator random;
    private final Ledger ledger;
    private final int account;
    private double takeRate;
    private double subsidy;
    private final FeeSchedule fees;

    /**
     * @param alphaRef the reference consumer of the ranking: mean price sensitivity, then (betaRef,
     *                 mismatchRef, responsivenessRef) mean quality weight, mismatch cost, responsiveness
     * @param random   draws whether a delisted seller relists
     * @param account  the platform's account in {@code ledger}
     */
    public Platform(PlatformConfig config, List<Firm> firms, double alphaRef, double betaRef, double mismatchRef,
                    double responsivenessRef, RandomGenerator random, Ledger ledger, int account) {
        this.random = random;
        this.ledger = ledger;
        this.account = account;
        this.takeRate = config.takeRate();
        this.subsidy = config.subsidy();
        this.fees = new FeeSchedule(config.feeRule(), config.initialCash());
        this.config = config;
        this.firms = firms;
        int n = firms.size();
        sells = new boolean[n];
        thirdParty = new boolean[n];
        listed = new boolean[n];
        unitsSinceReview = new double[n];
        for (Firm firm : firms) {
            boolean onPlatform = firm.config().platform() != null;
            sells[firm.index()] = onPlatform;
            thirdParty[firm.index()] = !firm.config().privateLabel();
            listed[firm.index()] = onPlatform && firm.active();
        }
        ranking = new int[config.tasteBins() * config.results()];
        adFee = new double[ranking.length];
        relevance = new double[n];
        organic = new double[n];
        auction = new AdAuction(config.sponsoredSlots());
        examination = new double[config.results()];
        setExaminationDecay(config.examinationDecay());
        this.alphaRef = alphaRef;
        this.betaRef = betaRef;
        this.mismatchRef = mismatchRef;
        this.responsivenessRef = responsivenessRef;
    }

    public PlatformConfig config() {
        return config;
    }

    /** Self-preferencing from the next ranking (a game's platform team moves it): utils added to its label's score. */
    public void setSelfPreferencing(double utils) {
        config = config.withSelfPreferencing(utils);
    }

    /** Sellers' list / delist decisions, every {@code reviewEvery} ticks (FIRMS_DECIDE). */
    public void reviewListings(int tick) {
        if (tick == 0 || tick % config.reviewEvery() != 0) {
            return;
        }
        int ticksSinceReview = config.reviewEvery();
        double listedUnits = 0;
        int listedThirdParty = 0;
        for (Firm firm : firms) {
            int j = firm.index();
            if (listed[j] && !firm.config().privateLabel()) {
                listedUnits += unitsSinceReview[j];
                listedThirdParty++;
            }
        }
        double meanUnits = listedThirdParty == 0 ? 0 : listedUnits / listedThirdParty / ticksSinceReview;
        boolean[] next = listed.clone();
        for (Firm firm : firms) {
            int j = firm.index();
            if (!sells[j] || firm.config().privateLabel() || !firm.active() || firm.channelsChosen()) {
                continue;
            }
            double units = listed[j] ? unitsSinceReview[j] / ticksSinceReview : meanUnits;
            boolean pays = units * unitMargin(firm) - config.listingFee() > 0;
            next[j] = listed[j] ? pays : pays && random.nextDouble() < config.relistShare();
        }
        int entries = 0;
        for (Firm firm : firms) {
            if (entries >= config.maxEntrantsPerReview()) {
                break;
            }
            if (firm.waitingToEnter() && sells[firm.index()] && meanUnits * unitMargin(firm) - config.listingFee() > 0) {
                firm.enter();
                next[firm.index()] = true;
                entries++;
            }
        }
        System.arraycopy(next, 0, listed, 0, listed.length);
        Arrays.fill(unitsSinceReview, 0);
    }

    /** What a third-party seller keeps per unit sold here, before ads (money/unit). */
    public double unitMargin(Firm firm) {
        int j = firm.index();
        return firm.price() * (1 - commission(j)) - firm.unitCost() - perUnitFee(j);
    }

    /** The take rate now, from third-party sellers; the private label pays none. */
    @Override
    public double commission(int j) {
        return thirdParty[j] ? takeRate : 0;
    }

    /** The fulfilment fee, from third-party sellers; the private label pays none. */
    @Override
    public double perUnitFee(int j) {
        return thirdParty[j] ? config.fulfilmentFee() : 0;
    }

    /** Recommendation quality and the ranking of every taste bin (INTERMEDIARIES_DECIDE). */
    public void rank() {
        phi = config.recommendationMax() * (1 - Math.exp(-transactions / config.recommendationScale()));
        int k = config.results();
        int bins = config.tasteBins();
        int[] active = new int[firms.size()];
        int count = 0;
        double priceSum = 0;
        for (Firm firm : firms) {
            if (!firm.active() || firm.channelsChosen()) { // a game's team's choice of channels holds
                listed[firm.index()] = firm.active() && firm.config().platform() != null;
            }
            if (listed[firm.index()]) {
                active[count++] = firm.index();
                priceSum += firm.price();
            }
        }
        activeSellers = count;
        meanNetPrice = count == 0 ? 0 : priceSum / count * (1 - subsidy);
        Arrays.fill(ranking, EMPTY);
        Arrays.fill(adFee, 0);
        double keepMismatch = 1 - phi * responsivenessRef;
        for (int b = 0; b < bins; b++) {
            double centre = (b + 0.5) / bins;
            double best = Double.NEGATIVE_INFINITY;
            for (int a = 0; a < count; a++) {
                int j = active[a];
                Firm firm = firms.get(j);
                FirmConfig c = firm.config();
                double distance = TasteCircle.distance(centre, firm.position());
                double r = -alphaRef * firm.price() * (1 - subsidy) + betaRef * c.quality()
                        - mismatchRef * distance * keepMismatch;
                relevance[j] = r;
                organic[j] = c.privateLabel() ? r + config.selfPreferencing() : r;
                best = Math.max(best, r);
            }
            int base = b * k;
            int filled = auction.fill(active, count, j -> bid(firms.get(j)) * firms.get(j).price(), relevance, best,
                    ranking, adFee, base);
            while (filled < k) {
                int pick = EMPTY;
                for (int a = 0; a < count; a++) {
                    int j = active[a];
                    if (!taken(base, filled, j) && (pick == EMPTY || organic[j] > organic[pick])) {
                        pick = j;
                    }
                }
                if (pick == EMPTY) {
                    break;
                }
                ranking[base + filled++] = pick;
            }
        }
    }

    /** A seller's bid per sale as a share of its price: its ad bid, at most its margin share. */
    private double bid(Firm firm) {
        FirmConfig.PlatformListing listing = firm.config().platform();
        if (listing == null || firm.config().privateLabel() || firm.price() <= 0) {
            return 0;
        }
        return Math.min(listing.adBid(), Math.max(0, unitMargin(firm) / firm.price()));
    }

    private boolean taken(int base, int filled, int j) {
        for (int s = 0; s < filled; s++) {
            if (ranking[base + s] == j) {
                return true;
            }
        }
        return false;
    }

    /** The commission on third-party sales now (starts at the scenario's; the classroom window may change it). */
    public double takeRate() {
        return takeRate;
    }

    /** The consumer subsidy now, as a share of price. */
    public double subsidy() {
        return subsidy;
    }

    /** Sets the fee levers from outside (the classroom's) and freezes the fee rule: they hold until moved again. */
    public void setLevers(double newTakeRate, double newSubsidy) {
        this.takeRate = newTakeRate;
        this.subsidy = newSubsidy;
        fees.setRuleOn(false);
    }

    /** Lets the configured fee rule move the levers from the next fee review ({@code true}), or freezes them. */
    public void setFeeRuleOn(boolean on) {
        fees.setRuleOn(on);
    }

    /** Whether the configured fee rule moves the levers (false once frozen from outside). */
    public boolean feeRuleOn() {
        return fees.ruleOn();
    }

    /** The sponsored slots at the top of each bin's results from the next ranking, in [0, results]. */
    public void setSponsoredSlots(int slots) {
        auction.setSlots(slots);
    }

    public int sponsoredSlots() {
        return auction.slots();
    }

    /** {@code eta} from now on: a member examines the result at rank r (1 = top) with probability {@code r^-eta}. */
    public void setExaminationDecay(double eta) {
        examinationDecay = eta;
        for (int slot = 0; slot < examination.length; slot++) {
            examination[slot] = Math.pow(slot + 1, -eta);
        }
    }

    public double examinationDecay() {
        return examinationDecay;
    }

    /** The probability a member examines the result in slot {@code slot} (0 = the top). */
    public double examination(int slot) {
        return examination[slot];
    }

    /**
     * On fee review ticks (INTERMEDIARIES_DECIDE, before ranking) the fee rule sets the take rate and subsidy, for
     * this tick's sales on; {@code memberShare}, the share of consumers who are members, is counted only then.
     */
    public void reviewFees(int tick, DoubleSupplier memberShare) {
        if (fees.due(tick)) {
            FeeLevers next = fees.review(new FeeLevers(takeRate, subsidy), ledger.balance(account),
                    memberShare.getAsDouble(), (int) firms.stream().filter(f -> listed[f.index()] && f.active()).count());
            takeRate = next.takeRate();
            subsidy = next.subsidy();
        }
    }

    /** Each listed third-party seller in the market pays the listing fee for this tick (ACCOUNTING). */
    public void chargeListingFees() {
        for (Firm firm : firms) {
            int j = firm.index();
            if (firm.active() && listed[j] && !firm.config().privateLabel()) {
                ledger.post(PostingKind.LISTING_FEE, Ledger.firmAccount(j), account, config.listingFee());
            }
        }
    }

    /** The platform pays its own fixed cost for this tick (ACCOUNTING). */
    public void payFixedCost() {
        ledger.post(PostingKind.INTERMEDIARY_FIXED_COST, account, Ledger.OVERHEAD, config.fixedCostPerTick());
    }

    /** The platform's ledger account. */
    public int account() {
        return account;
    }

    /**
     * A sale of {@code units} units (a simulated consumer's weight, {@code M / N}) by seller {@code j}
     * through the platform, the consumer paying {@code paidPrice} of the {@code listPrice} a unit (the rest
     * is the subsidy), from a slot with ad fee {@code adFee} a unit (0 if organic): posts the platform's side
     * of it and counts the units for listing reviews and the data network effect. The seller's own sale
     * and cost of goods are the shopper's to post.
     */
    public void sell(int j, double listPrice, double paidPrice, double adFee, double units) {
        ledger.post(PostingKind.SUBSIDY, account, Ledger.CONSUMERS, units * (listPrice - paidPrice));
        ledger.post(PostingKind.FULFILMENT_COST, account, Ledger.SUPPLIERS, units * config.fulfilmentCost());
        if (thirdParty[j]) {
            int seller = Ledger.firmAccount(j);
            ledger.post(PostingKind.COMMISSION, seller, account, units * takeRate * listPrice);
            ledger.post(PostingKind.FULFILMENT_FEE, seller, account, units * config.fulfilmentFee());
            if (adFee > 0) {
                ledger.post(PostingKind.AD_FEE, seller, account, units * adFee);
            }
        }
        unitsSinceReview[j] += units;
        transactions += units;
    }

    /** The taste bin of a consumer at {@code taste}. */
    public int bin(double taste) {
        return Math.min(config.tasteBins() - 1, (int) (taste * config.tasteBins()));
    }

    /** The seller in slot {@code slot} of bin {@code bin}, or {@link #EMPTY}. */
    public int seller(int bin, int slot) {
        return ranking[bin * config.results() + slot];
    }

    /** What the seller in that slot pays per sale for the sponsored placement (0 if organic). */
    public double adFee(int bin, int slot) {
        return adFee[bin * config.results() + slot];
    }

    public boolean listed(int j) {
        return listed[j];
    }

    public double recommendationQuality() {
        return phi;
    }

    public int activeSellers() {
        return activeSellers;
    }

    /** Mean list price of listed sellers, after the consumer subsidy (money/unit). */
    public double meanNetPrice() {
        return meanNetPrice;
    }
}
