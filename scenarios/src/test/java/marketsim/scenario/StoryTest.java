package marketsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The story a lesson page shows, read from a scenario file's opening comments. */
class StoryTest {
    @Test
    void everyBuiltInScenarioTellsItsQuestionWhatToNoticeAndWhatToTry() throws Exception {
        for (String name : ScenarioLoader.BUILT_IN) {
            Story story = ScenarioLoader.story(name, "");
            assertThat(story.title()).as(name + " title").isNotBlank().doesNotStartWith(name + ":");
            assertThat(story.question()).as(name + " question").hasSizeGreaterThan(40);
            assertThat(story.whatToNotice()).as(name + " what to notice").hasSizeGreaterThan(40);
            assertThat(story.whatToTry()).as(name + " what to try").isNotBlank();
        }
    }

    @Test
    void sectionsRunToAnEmptyCommentLineAndAFileWithoutThemFallsBackOnItsDescription() {
        Story story = Story.of("mine", """
                # mine: a small test.
                #
                # Question: does it
                # read two lines?
                #
                # What to try: this.
                # What to notice: that,
                # and more.
                horizon: 5
                # Question: not this (after the YAML began)
                """, "the description");
        assertThat(story.title()).isEqualTo("a small test.");
        assertThat(story.question()).isEqualTo("does it read two lines?");
        assertThat(story.whatToTry()).isEqualTo("this.");
        assertThat(story.whatToNotice()).isEqualTo("that, and more.");
        assertThat(Story.of("bare", "horizon: 5\n", "the description").question()).isEqualTo("the description");
    }
}
