package marketsim.results.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The checks of {@code marketsim validate}, as tests: each passes on the quick budget, and each
 * fails when the mechanism it checks is broken on purpose (a fault applied to the model's runs
 * only, never to the theory), so no check passes vacuously.
 */
class ValidationTest {
    static Stream<Check> checks() {
        return Validation.checks().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("checks")
    void everyCheckPassesOnTheQuickBudget(Check check) throws Exception {
        Validation.Report report = Validation.run(Budget.QUICK, List.of(check), 2, List.of(), (c, r, t) -> { });
        assertThat(report.results().get(0)).isNotEmpty();
        assertThat(report.results().get(0)).allSatisfy(r -> assertThat(r.pass()).as(r.toString()).isTrue());
    }

    /** A fault, the check that must catch it, and what it breaks. */
    static Stream<Arguments> faults() {
        return Stream.of(
                Arguments.of("logit-shares", "population.outside_utility=-100", "drop the outside option"),
                Arguments.of("iia-diversion", "population.outside_utility=-100", "drop the outside option"),
                Arguments.of("logit-shares", "population.segments[everyone].price_sensitivity=50",
                        "argmax of utility: price sensitivity x100, choices without noise"),
                Arguments.of("price-elasticities", "population.segments[everyone].price_sensitivity=25",
                        "argmax of utility: price sensitivity x50"),
                Arguments.of("log-sum-surplus", "population.outside_utility=-100", "drop the outside option"),
                Arguments.of("nested-channel-shares", "market.channel_dissimilarity=1",
                        "a product's channels as independent alternatives (theory keeps lambda 0.25, 0.5, 1)"),
                Arguments.of("examination-shares", "platform.ranking.examination_decay=0",
                        "every platform result examined (theory keeps e_r = 1/r)"),
                Arguments.of("nash-markups", "archetypes.product-focused.pricing=cost-plus",
                        "no best-response pricing"),
                Arguments.of("multi-product-markups", "firms[cheap].owner=", "owned products priced separately"),
                Arguments.of("fee-nash-prices", "archetypes.product-focused.fee_aware=false",
                        "sellers that ignore their fees: margins on the list price, off unit cost"),
                Arguments.of("fee-nash-prices", "platform.fulfilment_fee=0",
                        "the model's per-unit fee dropped (theory keeps f = 1)"),
                Arguments.of("salop-prices", "archetypes.product-focused.pricing=cost-plus", "no best-response pricing"),
                Arguments.of("salop-prices", "population.segments[everyone].mismatch_cost=20",
                        "the model's mismatch cost halved (theory keeps t = 40)"),
                Arguments.of("bass-diffusion", "word_of_mouth.talk_rate=0.19", "word of mouth at half the Bass q"),
                Arguments.of("customer-lifetime-value", "population.segments[everyone].switching_cost=1",
                        "switching costs make retention depend on the last supplier: r is no longer s_j"),
                Arguments.of("customer-lifetime-value", "metrics.lapse_window=0",
                        "customers who buy nothing never lost: lapse invisible, as before issue 19"),
                Arguments.of("loyalty-transition", "archetypes.product-focused.relationship_rate=0",
                        "purchases that build no relationship"),
                Arguments.of("loyalty-transition", "market.relationship_decay=0.2",
                        "stocks decaying ten times faster than theory assumes"),
                Arguments.of("bass-diffusion", "word_of_mouth.mean_degree=2", "a sparse network, not well mixed"));
    }

    @ParameterizedTest(name = "{0} catches: {2}")
    @MethodSource("faults")
    void breakingTheMechanismMakesItsCheckFail(String id, String fault, String what) throws Exception {
        Check check = Validation.checks().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
        Validation.Report report = Validation.run(Budget.QUICK, List.of(check), 2, List.of(fault), (c, r, t) -> { });
        assertThat(report.passed()).as("%s should fail with %s", id, fault).isFalse();
    }
}
