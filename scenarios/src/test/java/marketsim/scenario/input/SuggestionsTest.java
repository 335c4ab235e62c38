package marketsim.scenario.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class SuggestionsTest {
    private static final List<String> KEYS = List.of("take_rate", "fulfilment_fee", "ad_bid", "relationship_decay");

    @Test
    void aTypoWithinThreeEditsIsSuggested() {
        assertThat(Suggestions.closest("tak_rate", KEYS)).contains("take_rate"); // 1 edit
        assertThat(Suggestions.closest("relatinship_dcay", KEYS)).contains("relationship_decay"); // 2 edits
        assertThat(Suggestions.closest("fulfillment_fees", KEYS)).contains("fulfilment_fee"); // 2 edits
    }

    @Test
    void caseIsIgnoredAndTheCandidateKeepsItsOwnSpelling() {
        assertThat(Suggestions.closest("Take_Rate", KEYS)).contains("take_rate");
    }

    @Test
    void farOrShortNamesGetNoSuggestion() {
        assertThat(Suggestions.closest("population_size", KEYS)).isEmpty(); // far from every key
        // "ab" is 4 edits from ad_bid; and a two-letter text may be one edit away at most (half its length)
        assertThat(Suggestions.closest("ab", KEYS)).isEmpty();
        assertThat(Suggestions.closest("xy", List.of("x", "ab"))).contains("x");
        assertThat(Suggestions.closest("anything", List.of())).isEmpty();
    }

    @Test
    void didYouMeanIsTheMessageFragment() {
        assertThat(Suggestions.didYouMean("tak_rate", KEYS)).isEqualTo(" (did you mean 'take_rate'?)");
        assertThat(Suggestions.didYouMean("zzzzzzzz", KEYS)).isEmpty();
    }

    @Test
    void tiesGoToTheFirstCandidate() {
        assertThat(Suggestions.closest("brand-c", List.of("brand-a", "brand-b"))).contains("brand-a");
    }
}
