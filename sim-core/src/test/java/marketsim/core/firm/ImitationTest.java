package marketsim.core.firm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import marketsim.core.ScriptedRandom;
import marketsim.core.TestMarkets;
import marketsim.core.config.Archetype;
import marketsim.core.config.FirmConfig;
import org.junit.jupiter.api.Test;

/** Imitate-if-better on scripted draws: who looks, at whom, and what it adopts. */
class ImitationTest {
    private static final Map<Archetype, FirmConfig> BUNDLES = Map.of(
            Archetype.PRODUCT_FOCUSED, TestMarkets.firm("product bundle").build(),
            Archetype.CUSTOMER_FOCUSED,
            TestMarkets.firm("customer bundle").archetype(Archetype.CUSTOMER_FOCUSED).build());

    private static List<Firm> twoFirms(double profitOfProductFocused, double profitOfCustomerFocused) {
        Firm product = new Firm(0, TestMarkets.firm("p").build());
        Firm customer = new Firm(1, TestMarkets.firm("c").archetype(Archetype.CUSTOMER_FOCUSED).build());
        product.closeTick(0, 0, profitOfProductFocused);
        customer.closeTick(0, 0, profitOfCustomerFocused);
        return List.of(product, customer);
    }

    @Test
    void theLessProfitableFirmAdoptsTheRivalsArchetypeAndKeepsItsName() {
        List<Firm> firms = twoFirms(10, 20);
        // p looks (0.1 < rate 0.5) at candidate 1 (c, who earned more): adopts customer-focused;
        // c looks at candidate 0 (p, who earned less): keeps its own.
        ScriptedRandom draws = new ScriptedRandom(0.1, 1, 0.1, 0);
        Imitation imitation = new Imitation(firms, BUNDLES, 0.5, draws);
        imitation.imitate(firms);
        assertThat(firms.get(0).config().archetype()).isEqualTo(Archetype.CUSTOMER_FOCUSED);
        assertThat(firms.get(0).name()).isEqualTo("p");
        assertThat(firms.get(1).config().archetype()).isEqualTo(Archetype.CUSTOMER_FOCUSED);
        assertThat(imitation.archetypes()).containsExactly(Archetype.CUSTOMER_FOCUSED, Archetype.CUSTOMER_FOCUSED);
        assertThat(draws.exhausted()).isTrue();
    }

    @Test
    void aFirmThatDoesNotLookDrawsNoRival() {
        List<Firm> firms = twoFirms(10, 20);
        ScriptedRandom draws = new ScriptedRandom(0.7, 0.7); // both above the rate 0.5: no one looks
        Imitation imitation = new Imitation(firms, BUNDLES, 0.5, draws);
        imitation.imitate(firms);
        assertThat(imitation.archetypes()).containsExactly(Archetype.PRODUCT_FOCUSED, Archetype.CUSTOMER_FOCUSED);
        assertThat(draws.exhausted()).isTrue();
    }

    @Test
    void everyFirmDecidesOnTheArchetypesOfThePeriodJustEnded() {
        Firm a = new Firm(0, TestMarkets.firm("a").build());
        Firm b = new Firm(1, TestMarkets.firm("b").archetype(Archetype.CUSTOMER_FOCUSED).build());
        Firm d = new Firm(2, TestMarkets.firm("d").archetype(Archetype.CUSTOMER_FOCUSED).build());
        a.closeTick(0, 0, 10);
        b.closeTick(0, 0, 20);
        d.closeTick(0, 0, 5);
        List<Firm> firms = List.of(a, b, d);
        // a looks at b (20 > 10): adopts customer-focused; b does not look; d looks at a, which
        // still follows product focus for this review and earned more (10 > 5): d adopts it. Had
        // a's adoption applied at once, d would have seen its own archetype and kept it.
        ScriptedRandom draws = new ScriptedRandom(0.1, 1, 0.9, 0.1, 0);
        Imitation imitation = new Imitation(firms, BUNDLES, 0.5, draws);
        imitation.imitate(firms);
        assertThat(imitation.archetypes()).containsExactly(Archetype.CUSTOMER_FOCUSED, Archetype.CUSTOMER_FOCUSED,
                Archetype.PRODUCT_FOCUSED);
        assertThat(draws.exhausted()).isTrue();
    }

    @Test
    void withoutARateThereAreNoDraws() {
        List<Firm> firms = twoFirms(10, 20);
        Imitation imitation = new Imitation(firms, BUNDLES, 0, new ScriptedRandom());
        imitation.imitate(firms);
        assertThat(imitation.archetypes()).containsExactly(Archetype.PRODUCT_FOCUSED, Archetype.CUSTOMER_FOCUSED);
    }
}
