package marketsim.core.config;

/**
 * Word of mouth on a small-world network (MODEL.md 2.4).
 *
 * @param talkRate   probability per tick that a consumer hears from one random neighbour: it
 *                   learns every web store the neighbour knows (Bass imitation q), and a promoter
 *                   (detractor) neighbour passes on a positive (negative) attitude to its firm
 * @param attitude   share of the gap to 1 (of the stock, for detractors) the listener's
 *                   relationship stock with the talker's firm moves
 * @param meanDegree mean number of ties (even)
 * @param rewiring   Watts-Strogatz rewiring probability
 */
public record WordOfMouthConfig(double talkRate, double attitude, int meanDegree, double rewiring) {
    public boolean enabled() {
        return talkRate > 0;
    }
}
