package marketsim.results.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class LayoutTest {
    /** A table of a name column and twelve 14-character numbers: 180 characters on one line. */
    private static List<String[]> wide() {
        List<String[]> rows = new ArrayList<>();
        String[] header = new String[13];
        header[0] = "archetype";
        for (int c = 1; c < 13; c++) {
            header[c] = "metric " + c;
        }
        rows.add(header);
        for (String name : List.of("product-focused", "customer-focused")) {
            String[] row = new String[13];
            row[0] = name;
            for (int c = 1; c < 13; c++) {
                row[c] = "1234.5 +- 67.8";
            }
            rows.add(row);
        }
        return rows;
    }

    @Test
    void aWideTableContinuesInBlocksNoLineWiderThanTheWidthAndEveryCellKept() {
        String text = new Layout(Layout.Format.TABLE, 80).render(wide(), "");
        for (String line : text.split("\\R")) {
            assertThat(line.length()).as(line).isLessThanOrEqualTo(80);
        }
        // every cell is printed whole, and each block repeats the first column
        assertThat(text.split("1234.5 \\+- 67.8", -1)).hasSize(2 * 12 + 1);
        assertThat(text.split("product-focused", -1).length - 1).isGreaterThan(1);
        assertThat(text).contains("metric 12");
        // wide enough: one block, one header line
        String one = new Layout(Layout.Format.TABLE, 300).render(wide(), "");
        assertThat(one.split("archetype", -1)).hasSize(2);
    }

    @Test
    void aColumnOfWordsIsFoldedOverLinesRatherThanCut() {
        List<String[]> rows = List.of(new String[] {"lever", "costs"},
                new String[] {"personalization.level", "600/week + 0.05 per customer/week (paid at any level, 0 "
                        + "included, while enabled; personalization.enabled=false stops it)"});
        String text = new Layout(Layout.Format.TABLE, 60).render(rows, "  ");
        for (String line : text.split("\\R")) {
            assertThat(line.length()).as(line).isLessThanOrEqualTo(60);
        }
        assertThat(text.replaceAll("\\s+", " ")).contains("paid at any level, 0 included, while enabled;")
                .contains("personalization.enabled=false stops it)");
    }

    @Test
    void csvAndMarkdownKeepOneLinePerRow() {
        String csv = new Layout(Layout.Format.CSV, 80).render(List.of(new String[] {"entity", "note"},
                new String[] {"bulk-c", "a, b \"c\""}), "");
        assertThat(csv).isEqualTo("entity,note" + System.lineSeparator() + "bulk-c,\"a, b \"\"c\"\"\""
                + System.lineSeparator());
        String md = new Layout(Layout.Format.MARKDOWN, 80).render(wide(), "");
        assertThat(md.split("\\R")).hasSize(4);
        assertThat(md.split("\\R")[1]).startsWith("|---|---:|");
    }

    @Test
    void proseFoldsAtSpacesToTheWidth() {
        String wrapped = new Layout(Layout.Format.TABLE, 40).wrap("platform: fee revenue 24999 +- 216 (take 20.4 "
                + "+- 0.0% of GMV), subsidies 6128 +- 53, net profit -7179 +- 122");
        for (String line : wrapped.split("\\R")) {
            assertThat(line.length()).as(line).isLessThanOrEqualTo(40);
        }
        assertThat(wrapped.replaceAll("\\s+", " ")).contains("net profit -7179 +- 122");
    }
}
