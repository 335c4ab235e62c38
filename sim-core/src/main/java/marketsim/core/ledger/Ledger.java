package marketsim.core.ledger;

import java.util.Arrays;

/**
 * Double-entry ledger in integer micro-units of money (1e-6). Each posting moves an amount
 * from one account to another, so the sum of all balances is zero at every instant, exactly.
 * Besides balances it keeps, per tick, the money in and out of every account by posting kind;
 * metrics are read from those flows, so reported margins cannot disagree with the money.
 *
 * <p>Accounts 0..{@link #FIRST_FIRM}-1 are the outside parties below; firm {@code j} is
 * account {@code FIRST_FIRM + j}; the platform and the store follow the firms.
 */
public final class Ledger {
    /** All consumers as one household. */
    public static final int CONSUMERS = 0;
    /** Suppliers of goods (the outside economy). */
    public static final int SUPPLIERS = 1;
    /** Landlords, IT vendors and staff paid fixed and personalization costs. */
    public static final int OVERHEAD = 2;
    /** Media selling marketing contacts. */
    public static final int MEDIA = 3;
    /** The firms' owners, who provide initial capital. */
    public static final int OWNERS = 4;
    /** First firm account. */
    public static final int FIRST_FIRM = 5;

    private static final double UNITS_PER_MONEY = 1_000_000.0;
    private static final int KINDS = PostingKind.values().length;

    private final long[] balance;
    private final long[] tickIn;
    private final long[] tickOut;
    private final int accounts;

    /** A ledger for {@code firms} firms and {@code intermediaries} accounts after them. */
    public Ledger(int firms, int intermediaries) {
        accounts = FIRST_FIRM + firms + intermediaries;
        balance = new long[accounts];
        tickIn = new long[KINDS * accounts];
        tickOut = new long[KINDS * accounts];
    }

    /** The ledger account of firm {@code j}. */
    public static int firmAccount(int j) {
        return FIRST_FIRM + j;
    }

    /** Moves {@code amount} of money (rounded to a micro-unit, never negative) {@code from -> to}. */
    public void post(PostingKind kind, int from, int to, double amount) {
        long units = Math.round(amount * UNITS_PER_MONEY);
        if (units < 0) {
            throw new IllegalArgumentException("negative posting " + amount + " for " + kind);
        }
        balance[from] -= units;
        balance[to] += units;
        int k = kind.ordinal() * accounts;
        tickOut[k + from] += units;
        tickIn[k + to] += units;
    }

    /** Starts a new tick's flow counters; balances carry over. */
    public void startTick() {
        Arrays.fill(tickIn, 0);
        Arrays.fill(tickOut, 0);
    }

    /** Balance of {@code account} in money. */
    public double balance(int account) {
        return balance[account] / UNITS_PER_MONEY;
    }

    /** Money received by {@code account} this tick through postings of {@code kind}. */
    public double inflow(PostingKind kind, int account) {
        return tickIn[kind.ordinal() * accounts + account] / UNITS_PER_MONEY;
    }

    /** Money paid by {@code account} this tick through postings of {@code kind}. */
    public double outflow(PostingKind kind, int account) {
        return tickOut[kind.ordinal() * accounts + account] / UNITS_PER_MONEY;
    }

    /** Sum of all balances in micro-units: zero unless money appeared or vanished. */
    public long imbalance() {
        long sum = 0;
        for (long b : balance) {
            sum += b;
        }
        return sum;
    }

    /** Money in minus money out of {@code account} this tick over all kinds, in micro-units. */
    public long netFlowUnits(int account) {
        long net = 0;
        for (int k = 0; k < KINDS; k++) {
            net += tickIn[k * accounts + account] - tickOut[k * accounts + account];
        }
        return net;
    }

    public int accounts() {
        return accounts;
    }
}
