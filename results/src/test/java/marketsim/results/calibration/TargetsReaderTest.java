package marketsim.results.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TargetsReaderTest {
    @TempDir
    Path dir;

    @Test
    void readsPointsAndRangesWithTheirDefaultWeightAndScale() throws Exception {
        Targets t = TargetsReader.parse("t.yaml", """
                description: stylized facts
                parameters:
                  - {path: platform.take_rate, min: 0.05, max: 0.5}
                targets:
                  - {outcome: platform.platform_take, value: 0.3}
                  - {outcome: product-focused.fee_share, range: [0.40, 0.55], weight: 2}
                  - {outcome: customer-focused.retention, value: 0.9, scale: 0.05}
                """);
        assertThat(t.description()).isEqualTo("stylized facts");
        assertThat(t.parameters()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("platform.take_rate");
            assertThat(p.at("max")).isEqualTo("line 3, column 43");
        });
        Targets.Target point = t.targets().get(0);
        assertThat(point.isRange()).isFalse();
        assertThat(point.weight()).isEqualTo(1);
        assertThat(point.scale()).isEqualTo(0.3); // |value|
        Targets.Target range = t.targets().get(1);
        assertThat(range.isRange()).isTrue();
        assertThat(range.scale()).isCloseTo(0.15, org.assertj.core.api.Assertions.within(1e-12)); // its width
        assertThat(t.targets().get(2).scale()).isEqualTo(0.05);
    }

    @Test
    void misfitIsWeightTimesSquaredDistanceInScales() throws Exception {
        Targets t = TargetsReader.parse("t.yaml", """
                parameters: [{path: platform.take_rate, min: 0, max: 1}]
                targets:
                  - {outcome: platform.platform_take, value: 0.3, scale: 0.05, weight: 2}
                  - {outcome: product-focused.fee_share, range: [0.40, 0.55]}
                """);
        Targets.Target point = t.targets().get(0);
        // 0.4 is 0.1 from 0.3, two scales of 0.05: 2 x 2^2 = 8
        assertThat(point.misfit(0.4)).isCloseTo(8, org.assertj.core.api.Assertions.within(1e-9));
        Targets.Target range = t.targets().get(1);
        assertThat(range.misfit(0.47)).isZero(); // inside the range
        // 0.25 is 0.15 below 0.40, one range width (the default scale): 1 x 1^2 = 1
        assertThat(range.misfit(0.25)).isCloseTo(1, org.assertj.core.api.Assertions.within(1e-9));
    }

    @Test
    void everyProblemIsReportedAtOnceWithItsLineAndColumn() {
        TargetsException e = catchThrowableOfType(TargetsException.class, () -> TargetsReader.parse("bad.yaml", """
                parameters:
                  - path: platform.take_rate
                    min: 0.6
                    max: 0.5
                  - {path: platform.subsidy, min: low, max: 0.2, step: 1}
                targets:
                  - outcome: platform.platfrom_take
                    value: 0.3
                  - {outcome: platform.members, value: 0}
                  - {outcome: platform.gmv, range: [5, 1], weigth: 2}
                  - {outcome: platform.gmv, value: 1, range: [1, 2]}
                extra: 1
                """));
        assertThat(e.getMessage()).startsWith("Targets file bad.yaml has 10 problems:")
                .contains("extra (line 12, column 1): unknown key")
                .contains("parameters[0].min (line 3, column 5): (0.6) must be less than max (0.5)")
                .contains("parameters[1].step (line 5, column 50): unknown key")
                .contains("parameters[1].min (line 5, column 30): must be a number, got 'low'")
                .contains("targets[0].outcome (line 7, column 5):").contains("did you mean 'platform_take'?")
                .contains("targets[1] (line 9, column 5): needs a 'scale' when the value is 0")
                .contains("targets[2].range (line 10, column 29): low (5) must be less than high (1)")
                .contains("targets[2].weigth (line 10, column 44): unknown key (did you mean 'weight'?)")
                .contains("targets[3] (line 11, column 5): has both 'value' and 'range'")
                .contains("targets[3].outcome (line 11, column 6): 'platform.gmv' is targeted twice")
                .endsWith("The format: docs/CALIBRATION.md.");
    }

    @Test
    void shapesAndRangesAreNamedWithTheirPlace() {
        TargetsException e = catchThrowableOfType(TargetsException.class, () -> TargetsReader.parse("shape.yaml", """
                parameters: [platform.take_rate]
                targets:
                  - {outcome: platform.gmv, value: 1, weight: -1}
                  - {outcome: plattform.gmv, value: 1, Scale: 2}
                """));
        assertThat(e.problems()).extracting(Object::toString).containsExactlyInAnyOrder(
                "parameters[0] (line 1, column 14): must be a mapping {path, min, max}, got 'platform.take_rate'",
                "targets[0].weight (line 3, column 39): must be a number > 0, got -1",
                "targets[1].Scale (line 4, column 40): unknown key (did you mean 'scale'?) (known here: outcome, value, "
                        + "range, weight, scale)");
    }

    @Test
    void brokenAndMissingFilesSayWhatIsWrong() throws Exception {
        Path broken = Files.writeString(dir.resolve("broken.yaml"), "parameters: [\n  {path: a\n");
        assertThat(catchThrowableOfType(TargetsException.class, () -> TargetsReader.read(broken)).getMessage())
                .contains("broken.yaml has a problem").contains("line 2, column").contains("not valid YAML");
        assertThat(catchThrowableOfType(TargetsException.class, () -> TargetsReader.read(dir.resolve("none.yaml")))
                .getMessage()).contains("none.yaml has a problem").contains("no such file");
        Path empty = Files.writeString(dir.resolve("empty.yaml"), "");
        assertThat(catchThrowableOfType(TargetsException.class, () -> TargetsReader.read(empty)).getMessage())
                .contains("must be a mapping with 'parameters'");
        Path neither = Files.writeString(dir.resolve("neither.yaml"), "description: nothing to do\n");
        assertThat(catchThrowableOfType(TargetsException.class, () -> TargetsReader.read(neither)).getMessage())
                .contains("parameters: missing").contains("targets: missing");
    }

    @Test
    void aMisfitThatWouldOverflowIsRefusedAtItsTarget() {
        TargetsException e = catchThrowableOfType(TargetsException.class, () -> TargetsReader.parse("big.yaml", """
                parameters: [{path: platform.take_rate, min: 0.05, max: 0.5}]
                targets:
                  - {outcome: platform.platform_take, value: 0.3, scale: 1e-300}
                  - {outcome: platform.members, value: 0.3, weight: 1e305}
                  - {outcome: platform.gmv, value: 1e308, scale: 0.01}
                  - {outcome: store.net_profit, value: 1e300}
                """));
        assertThat(e.problems()).extracting(Object::toString).containsExactly(
                "targets[0] (line 3, column 5): the misfit, weight x (distance / scale)^2, overflows (exceeds 1.8e308) "
                        + "for an outcome of 0, 3e299 scales from the target: use a larger scale",
                "targets[1] (line 4, column 5): the misfit, weight x (distance / scale)^2, overflows (exceeds 1.8e308) "
                        + "for an outcome missing in a replication (counted as 1000 scales away): use a smaller weight",
                "targets[2] (line 5, column 5): the misfit, weight x (distance / scale)^2, overflows (exceeds 1.8e308) "
                        + "for an outcome of 0, more than 1.8e308 scales from the target: use a larger scale");
    }

    @Test
    void misfitsThatOverflowOnlyTogetherAreRefusedAtTheTargets() {
        TargetsException e = catchThrowableOfType(TargetsException.class, () -> TargetsReader.parse("sum.yaml", """
                parameters: [{path: platform.take_rate, min: 0.05, max: 0.5}]
                targets:
                  - {outcome: platform.platform_take, value: 0.3, weight: 1e302}
                  - {outcome: platform.members, value: 0.3, weight: 1e302}
                """));
        assertThat(e.problems()).extracting(Object::toString).containsExactly(
                "targets (line 2, column 1): the targets' misfits together overflow (exceed 1.8e308) when every outcome "
                        + "is missed: use smaller weights");
    }

    @Test
    void aSecondYamlDocumentIsAnError() {
        TargetsException e = catchThrowableOfType(TargetsException.class, () -> TargetsReader.parse("two.yaml", """
                parameters: [{path: platform.take_rate, min: 0.05, max: 0.5}]
                targets: [{outcome: platform.platform_take, value: 0.3}]
                ---
                targets: [{outcome: platform.members, value: 0.3}]
                """));
        assertThat(e.getMessage()).contains("Targets file two.yaml has a problem")
                .contains("line 3, column 1: a second YAML document starts here");
    }

    @Test
    void aPathWithAnEmptyPartIsPlaced() {
        TargetsException e = catchThrowableOfType(TargetsException.class, () -> TargetsReader.parse("dots.yaml", """
                parameters: [{path: platform..take_rate, min: 0.05, max: 0.5}]
                targets: [{outcome: platform.platform_take, value: 0.3}]
                """));
        assertThat(e.problems()).extracting(Object::toString).containsExactly("parameters[0].path (line 1, column 15): "
                + "'platform..take_rate': the path has an empty part: keys are joined by single dots, e.g. "
                + "firms[brand-a].markup");
    }
}
