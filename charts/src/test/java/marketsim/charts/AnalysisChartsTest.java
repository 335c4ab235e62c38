package marketsim.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;

/** The Morris, PRIM and validation charts, from their CSV rows: what looking at each one found wrong. */
class AnalysisChartsTest {
    private static List<CSVRecord> rows(String csv) throws IOException {
        return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(new StringReader(csv))
                .getRecords();
    }

    /** Morris's mu* of a money outcome is money per swept range; before, both axes said "outcome units". */
    @Test
    void morrisAxesCarryTheOutcomesUnit() throws IOException {
        List<CSVRecord> morris = rows("outcome,parameter,mu,mu_star,mu_star_low,mu_star_high,sigma,note\n"
                + "platform.platform_fee_revenue,platform.take_rate,100,200,150,250,50,\n");
        JFreeChart bars = SensitivityCharts.morrisBars(morris, "platform.platform_fee_revenue", "EUR");
        assertThat(((CategoryPlot) bars.getPlot()).getRangeAxis().getLabel()).contains("(EUR per swept range)");
        XYPlot plane = (XYPlot) SensitivityCharts.morrisPlane(morris, "platform.platform_fee_revenue", "EUR")
                .getPlot();
        assertThat(plane.getDomainAxis().getLabel()).contains("EUR per swept range");
        assertThat(plane.getRangeAxis().getLabel()).contains("(EUR)");
    }

    /** PRIM's box names a parameter it leaves alone "not restricted", not by the sampled extremes it spans. */
    @Test
    void primBoxSaysWhichParametersItLeavesAlone() throws IOException {
        String header = "condition,step,chosen,coverage,density,mass,points,parameter,low,high,restricted\n";
        JFreeChart chart = SensitivityCharts.box(rows(header
                + "c,0,false,1,0.7,1,30,platform.take_rate,0.05,0.5,false\n"
                + "c,0,false,1,0.7,1,30,platform.subsidy,0.005,0.19,false\n"
                + "c,1,true,1,0.9,0.8,24,platform.take_rate,0.14,0.5,true\n"
                + "c,1,true,1,0.9,0.8,24,platform.subsidy,0.005,0.19,false\n"),
                new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode());
        var columns = ((CategoryPlot) chart.getPlot()).getDataset().getColumnKeys();
        assertThat(columns).extracting(Object::toString).containsExactly("take_rate [0.140, 0.500]",
                "subsidy (not restricted)");
    }

    /** A validation chart over ranks 1..3 ticks whole ranks only; before, it labelled ranks 1.1, 1.2, ... */
    @Test
    void wholeNumberXAxesTickWholeNumbers() throws IOException {
        String header = "check,title,x_label,y_label,line,theory,x,y\n";
        JFreeChart chart = ValidationCharts.chart(rows(header
                + "examination-shares,t,rank,share,model,false,1,0.5\n"
                + "examination-shares,t,rank,share,model,false,2,0.14\n"
                + "examination-shares,t,rank,share,model,false,3,0.02\n"));
        NumberAxis x = (NumberAxis) ((XYPlot) chart.getPlot()).getDomainAxis();
        chart.createBufferedImage(1280, 720); // chooses the tick unit
        assertThat(x.getTickUnit().getSize()).isEqualTo(1.0);
    }

    /**
     * Archetypes far apart with little spread each (jeo-baseline's net margin: spread 0.5 points, axis -16..26) get a
     * panel each with its own scale; close ones share one axis. Before, both were one plot and the far ones lines.
     */
    @Test
    void boxPlotsOfFarApartArchetypesGetAPanelEach() {
        assertThat(BoxPlots.boxPlot(java.util.Map.of("customer-focused", List.of(25.0, 25.3, 25.5),
                "product-focused", List.of(-16.0, -15.8, -15.5)), "t", "net margin (%)").getPlot())
                .isInstanceOf(org.jfree.chart.plot.CombinedDomainCategoryPlot.class);
        assertThat(BoxPlots.boxPlot(java.util.Map.of("customer-focused", List.of(2.0, 4.0, 6.0),
                "product-focused", List.of(3.0, 5.0, 7.0)), "t", "net margin (%)").getPlot())
                .isNotInstanceOf(org.jfree.chart.plot.CombinedDomainCategoryPlot.class);
    }

    /**
     * Comparison labels carry three significant digits of the chart's largest value (before: always two decimals,
     * "-13,502.65"); the platform's metrics get a panel each when one is five times another (before: one scale, the
     * subsidy bar a sliver beside fee revenue).
     */
    @Test
    void comparisonBarsReadAtSensiblePrecisionAndScale() {
        var money = new org.jfree.data.statistics.DefaultStatisticalCategoryDataset();
        money.add(-13502.65, 3000, "take 30%", "platform fee revenue");
        money.add(-409.63, 300, "take 30%", "subsidy spend");
        assertThat(DifferenceBars.format(money).format(-13502.65)).isEqualTo("-13,503");
        assertThat(DifferenceBars.format(money).format(-409.63)).isEqualTo("-410");
        assertThat(DifferenceBars.dwarfs(money)).isTrue();
        assertThat(DifferenceBars.intermediaryBars(money, "platform", "The platform", "EUR").getPlot())
                .isInstanceOf(org.jfree.chart.plot.CombinedDomainCategoryPlot.class);
        var points = new org.jfree.data.statistics.DefaultStatisticalCategoryDataset();
        points.add(2.3142, 0.5, "v", "a");
        points.add(0.05, 0.5, "v", "b");
        assertThat(DifferenceBars.format(points).format(2.3142)).isEqualTo("2.31");
        assertThat(DifferenceBars.format(points).format(0.05)).isEqualTo("0.05");
        var close = new org.jfree.data.statistics.DefaultStatisticalCategoryDataset();
        close.add(-4000, 300, "v", "fees");
        close.add(-5500, 300, "v", "profit");
        assertThat(DifferenceBars.dwarfs(close)).isFalse();
    }
}
