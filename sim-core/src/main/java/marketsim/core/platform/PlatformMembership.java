package marketsim.core.platform;

import java.util.random.RandomGenerator;

import marketsim.core.config.PlatformConfig;
import marketsim.core.consumer.Population;

/**
 * Consumers join and leave the platform (MODEL.md 4; ODD 7.5): the consumer side of its
 * two-sided network effect (Rochet and Tirole 2003). With {@code n} listed sellers (the private
 * label included) and {@code pbar} their mean list price after subsidy, both as ranked this tick,
 * consumer {@code i}'s pull is
 * <pre>
 * S_i = 1 / (1 + exp(-(baseUtility + a_i,platform + varietyWeight ln(1 + n) - alpha_i pbar)))
 * </pre>
 * ({@code alpha_i} untilted); each tick (AFTERMATH) a non-member joins with probability
 * {@code joinRate S_i} and a member leaves with probability {@code leaveRate (1 - S_i)}. At the
 * start each consumer is a member with probability {@code initialShare}. Membership is consumer
 * state, left to these dynamics under customer dominance too (it forces no channel on anyone).
 *
 * <p>Draws, from the {@code MEMBERSHIP} stream: one uniform per consumer at the start, then one
 * per consumer per tick, in index order.
 */
public final class PlatformMembership {
    private final Platform platform;
    private final Population population;
    private final RandomGenerator random;

    public PlatformMembership(Platform platform, Population population, RandomGenerator random) {
        this.platform = platform;
        this.population = population;
        this.random = random;
    }

    /** Makes each consumer a member with probability {@code initialShare} (initialization). */
    public void seed() {
        double share = platform.config().initialMembers();
        for (int i = 0; i < population.size(); i++) {
            population.setMember(i, random.nextDouble() < share);
        }
    }

    /** Joins and departures; returns the members after them. */
    public long update() {
        Population p = population;
        PlatformConfig c = platform.config();
        double base = c.membershipUtility() + c.varietyWeight() * Math.log1p(platform.activeSellers());
        double price = platform.meanNetPrice();
        long members = 0;
        double leave = c.leaveRate();
        double join = c.joinRate();
        for (int i = 0; i < p.size(); i++) {
            // The draw first: attraction is in (0, 1), so a draw above the rate decides without it.
            double u = random.nextDouble();
            boolean member;
            if (p.member(i)) {
                member = u >= leave || u >= leave * (1 - attraction(base, price, i));
            } else {
                member = u < join && u < join * attraction(base, price, i);
            }
            p.setMember(i, member);
            if (member) {
                members++;
            }
        }
        return members;
    }

    /** Share of consumers who are members now (the fee rule's signal of growth). */
    public double memberShare() {
        long members = 0;
        for (int i = 0; i < population.size(); i++) {
            members += population.member(i) ? 1 : 0;
        }
        return population.size() == 0 ? 0 : (double) members / population.size();
    }

    /** The platform's pull on consumer {@code i}: 1 / (1 + exp(-(base + affinity - alpha price))). */
    private double attraction(double base, double price, int i) {
        return 1 / (1 + Math.exp(-(base + population.platformAffinity(i) - population.priceSensitivity(i) * price)));
    }
}
