package marketsim.core.firm;

import java.util.Arrays;
import java.util.List;

import marketsim.core.config.FirmConfig;
import marketsim.core.ledger.Ledger;
import marketsim.core.ledger.PostingKind;
import marketsim.core.space.TasteCircle;

/**
 * Innovation: repositioning the product toward where tastes are going (MODEL.md 2.5; ODD 7.8). Each
 * tick a firm in the market with innovation spend pays it (INNOVATION, to overhead) and moves its
 * position toward its aim, the shorter way round, by at most {@code spend / innovationCostPerStep}
 * of the circle (circle units; the cost in money per unit of circle). The aim is its target's
 * position {@code y(t)} plus the target's observed velocity times the firm's {@code lead},
 * <pre>
 * aim = y(t) + lead v(t),    v(t) = v(t-1) + (dy(t) - v(t-1)) / max(1, lead)
 * </pre>
 * with {@code dy} the target's move over the last tick (the shorter way round), so a firm that
 * looks {@code lead} ticks ahead weighs about the last {@code lead} ticks' moves. Targets:
 * <ul>
 *   <li>customers: the circular mean taste of its customers,
 *       {@code atan2(sum sin 2 pi tau_i, sum cos 2 pi tau_i) / 2 pi} over the consumers whose last
 *       supplier it was at the end of the last tick (the clientele it has; without customers it pays
 *       and stays, and its velocity is kept);
 *   <li>market: its starting position carried along by the market's movement, the cumulative mean
 *       displacement of every consumer's taste (its place in a market that moves, whoever its
 *       customers are now).
 * </ul>
 * Source: essay 002 (Jeo section 2: ever-changing preferences need constant innovation).
 */
public final class Innovation {
    /** What an innovating firm observes of tastes (from the last tick's aftermath). */
    public interface Tastes {
        /** Direction (radians, or NaN without customers) of firm {@code j}'s customers' mean taste. */
        double customerTasteAngle(int j);

        /** How far every consumer's taste has moved on average since the start (circle units, unwrapped). */
        double marketTasteShift();
    }

    private final Ledger ledger;
    private final double costPerStep;
    /** Per firm: its target's position last tick (NaN before it has one) and its velocity estimate. */
    private final double[] lastTarget;
    private final double[] velocity;
    /** Per firm: its position at the start (the market target's anchor). */
    private final double[] start;

    /** @param costPerStep money per unit of circle moved ({@code dynamics.innovation_cost_per_step}) */
    public Innovation(Ledger ledger, double costPerStep, List<Firm> firms) {
        this.ledger = ledger;
        this.costPerStep = costPerStep;
        this.lastTarget = new double[firms.size()];
        this.velocity = new double[firms.size()];
        this.start = new double[firms.size()];
        Arrays.fill(lastTarget, Double.NaN);
        for (Firm firm : firms) {
            start[firm.index()] = firm.position();
        }
    }

    /** Every innovating firm in the market, in order, pays and moves. */
    public void innovate(List<Firm> firms, Tastes tastes) {
        for (Firm firm : firms) {
            FirmConfig.Innovation levers = firm.config().innovation();
            if (firm.active() && levers.innovates()) {
                move(firm, levers, target(firm.index(), levers.target(), tastes));
            }
        }
    }

    /** The target's position now (circle units, not wrapped: every step is taken the shorter way), or NaN. */
    private double target(int j, FirmConfig.Innovation.Target target, Tastes tastes) {
        return switch (target) {
            case CUSTOMERS -> tastes.customerTasteAngle(j) / (2 * Math.PI);
            case MARKET -> start[j] + tastes.marketTasteShift();
        };
    }

    private void move(Firm firm, FirmConfig.Innovation levers, double target) {
        int j = firm.index();
        double spend = levers.spend();
        ledger.post(PostingKind.INNOVATION, Ledger.firmAccount(j), Ledger.OVERHEAD, spend);
        if (Double.isNaN(target)) {
            return;
        }
        double lead = levers.lead();
        if (lead > 0 && !Double.isNaN(lastTarget[j])) {
            velocity[j] += (TasteCircle.shortestStep(lastTarget[j], target) - velocity[j]) / Math.max(1, lead);
        }
        lastTarget[j] = target;
        double gap = TasteCircle.shortestStep(firm.position(), target + lead * velocity[j]);
        double step = spend / costPerStep;
        firm.move(Math.copySign(Math.min(step, Math.abs(gap)), gap));
    }
}
