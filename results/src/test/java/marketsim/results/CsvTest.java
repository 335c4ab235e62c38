package marketsim.results;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CsvTest {
    @Test
    void fileNamesKeepSafeCharactersAndStayShortAndDistinct() {
        assertThat(Csv.fileName("jeo-baseline platform.take_rate=0.25")).isEqualTo("jeo-baseline_platform.take_rate_0.25");
        String a = Csv.fileName("x".repeat(300) + "a");
        String b = Csv.fileName("x".repeat(300) + "b");
        assertThat(a).hasSizeLessThanOrEqualTo(Csv.MAX_FILE_NAME).startsWith("x".repeat(100)).isNotEqualTo(b);
        assertThat(b).hasSizeLessThanOrEqualTo(Csv.MAX_FILE_NAME);
    }
}
