package marketsim.core.firm;

import java.util.List;
import java.util.function.IntToDoubleFunction;

import marketsim.core.ledger.Ledger;
import marketsim.core.ledger.PostingKind;
import marketsim.core.space.TasteCircle;

/**
 * Innovation: repositioning the product toward where the firm's customers' tastes have gone
 * (MODEL.md 2.5; ODD 7.8). Each tick a firm in the market with innovation spend pays it
 * (INNOVATION, to overhead) and moves its position toward the circular mean taste of its
 * customers, {@code atan2(sum sin 2 pi tau_i, sum cos 2 pi tau_i) / 2 pi} over the consumers
 * whose last supplier it was at the end of the last tick, the shorter way round, by at most
 * {@code spend / innovationCostPerStep} of the circle (circle units; the cost in money per unit
 * of circle). Without customers it pays and stays. Source: essay 002 (Jeo section 2: ever-changing
 * preferences need constant innovation).
 */
public final class Innovation {
    private final Ledger ledger;
    private final double costPerStep;

    /** @param costPerStep money per unit of circle moved ({@code dynamics.innovation_cost_per_step}) */
    public Innovation(Ledger ledger, double costPerStep) {
        this.ledger = ledger;
        this.costPerStep = costPerStep;
    }

    /**
     * Every innovating firm in the market, in order, pays and moves.
     *
     * @param customerTasteAngle firm index to the direction (radians) of its customers' mean
     *                           taste, NaN without customers
     */
    public void innovate(List<Firm> firms, IntToDoubleFunction customerTasteAngle) {
        for (Firm firm : firms) {
            if (firm.active() && firm.config().innovation() > 0) {
                move(firm, customerTasteAngle.applyAsDouble(firm.index()));
            }
        }
    }

    private void move(Firm firm, double angle) {
        double spend = firm.config().innovation();
        ledger.post(PostingKind.INNOVATION, Ledger.firmAccount(firm.index()), Ledger.OVERHEAD, spend);
        if (Double.isNaN(angle)) {
            return;
        }
        double gap = TasteCircle.shortestStep(firm.position(), angle / (2 * Math.PI));
        double step = spend / costPerStep;
        firm.move(Math.copySign(Math.min(step, Math.abs(gap)), gap));
    }
}
