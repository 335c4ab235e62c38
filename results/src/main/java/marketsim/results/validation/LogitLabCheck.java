package marketsim.results.validation;

import java.util.List;

/**
 * A check on the plain logit laboratory: homogeneous consumers who all shop every tick at fixed prices, for
 * {@value #TICKS} ticks (logit shares, log-sum surplus, elasticities, diversion).
 */
abstract class LogitLabCheck extends LabCheck {
    /** Ticks of the run; every consumer shops every tick, so occasions = consumers x ticks. */
    static final int TICKS = 10;

    LogitLabCheck(String id, String title, String source, String tolerance) {
        super(id, title, source, tolerance);
    }

    @Override
    public final List<String> settings(Budget budget) {
        return consumers(budget.consumers(), "horizon=" + TICKS);
    }
}
