package marketsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** A parameter's source: optional, kept apart from everything else, and pointing at real things. */
class ParamTest {
    private static List<Param> all() {
        List<Param> params = new ArrayList<>();
        for (Params.Section section : Params.SECTIONS) {
            params.addAll(section.params());
        }
        return params;
    }

    @Test
    void factoriesLeaveTheSourceEmpty() {
        Param p = Param.number("rate", "1/tick", 0.1, 0, 1, "A rate.");
        assertThat(p.source()).isEmpty();
        assertThat(Param.bool("on", false, "A switch.").source()).isEmpty();
    }

    @Test
    void withSourceChangesOnlyTheSource() {
        Param p = Param.number("rate", "1/tick", 0.1, 0, 1, "A rate.");
        Param cited = p.withSource("  Bass 1969 (imitation q) ");
        assertThat(cited.source()).isEqualTo("Bass 1969 (imitation q)");
        assertThat(cited.withSource("")).isEqualTo(p);
        assertThat(List.of(cited.key(), cited.unit(), cited.defaultText(), cited.range(), cited.description()))
                .isEqualTo(List.of(p.key(), p.unit(), p.defaultText(), p.range(), p.description()));
    }

    /** Essay pointers name one of the five essays; MODEL.md pointers one of its six sections. */
    @Test
    void sourcesPointAtEssaysAndSectionsThatExist() {
        Pattern essay = Pattern.compile("essay (\\d+)");
        Pattern model = Pattern.compile("MODEL\\.md (\\d+)");
        for (Param p : all()) {
            Matcher e = essay.matcher(p.source());
            while (e.find()) {
                assertThat(e.group(1)).as(p.key()).isIn("000", "001", "002", "003", "004");
            }
            Matcher m = model.matcher(p.source());
            while (m.find()) {
                assertThat(Integer.parseInt(m.group(1))).as(p.key()).isBetween(1, 6);
            }
            assertThat(p.source().length()).as(p.key() + ": a source is a short citation").isLessThanOrEqualTo(100);
        }
    }

    @Test
    void theMechanismsOfTheEssaysCiteThem() {
        assertThat(FirmParams.FAILURE_RATE.source()).contains("essay 001");
        assertThat(FirmParams.EDUCATION_SPEND.source()).contains("essay 000");
        assertThat(IntermediaryParams.RELATIONSHIP_SHARE.source()).contains("essay 002");
        assertThat(Params.DOMINANCE.source()).contains("essay 003");
        assertThat(Params.TALK_RATE.source()).contains("Bass 1969");
        assertThat(Params.DESCRIPTION.source()).isEmpty();
    }
}
