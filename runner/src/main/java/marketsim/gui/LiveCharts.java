package marketsim.gui;

import java.awt.GridLayout;
import java.util.ArrayList;
import java.util.List;

import javax.swing.JFrame;
import javax.swing.JPanel;
import javax.swing.SwingUtilities;

import marketsim.charts.Palette;
import marketsim.core.MarketModel;
import marketsim.core.metrics.Entity;
import marketsim.core.metrics.EntityType;
import marketsim.core.metrics.Metric;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartPanel;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Live JFreeChart 1.5 panels, one series per archetype (the charts' colours): unit share,
 * retention, net margin and intermediary fee share, a point per tick, read from what the model
 * recorded. Points are added on the Swing thread.
 */
final class LiveCharts {
    private record Panel(Metric metric, String title, String axis, double scale, XYSeriesCollection data) {
    }

    private final List<Panel> panels = new ArrayList<>();
    private final JFrame frame = new JFrame("marketsim: live charts");

    LiveCharts() {
        JPanel grid = new JPanel(new GridLayout(2, 2));
        add(grid, Metric.UNIT_SHARE, "Unit share", "%", 100);
        add(grid, Metric.RETENTION, "Retention", "%", 100);
        add(grid, Metric.NET_MARGIN, "Net margin", "% of income", 100);
        add(grid, Metric.FEE_SHARE, "Intermediary fees", "% of revenue", 100);
        frame.setContentPane(grid);
        frame.setSize(900, 640);
    }

    private void add(JPanel grid, Metric metric, String title, String axis, double scale) {
        XYSeriesCollection data = new XYSeriesCollection();
        JFreeChart chart = ChartFactory.createXYLineChart(title, "week", axis, data);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(java.awt.Color.WHITE);
        plot.setDomainGridlinePaint(new java.awt.Color(0xDD, 0xDD, 0xDD));
        plot.setRangeGridlinePaint(new java.awt.Color(0xDD, 0xDD, 0xDD));
        plot.getRenderer().setDefaultStroke(Palette.LINE);
        ((org.jfree.chart.renderer.xy.AbstractXYItemRenderer) plot.getRenderer()).setAutoPopulateSeriesStroke(false);
        chart.getTitle().setFont(Palette.AXIS_LABEL);
        plot.getRangeAxis().setAutoRange(true);
        ((org.jfree.chart.axis.NumberAxis) chart.getXYPlot().getRangeAxis()).setAutoRangeIncludesZero(false);
        panels.add(new Panel(metric, title, axis, scale, data));
        grid.add(new ChartPanel(chart));
    }

    JFrame frame() {
        return frame;
    }

    /** Clears every series (a new run). */
    void reset() {
        SwingUtilities.invokeLater(() -> panels.forEach(p -> p.data().removeAllSeries()));
    }

    /** Adds tick {@code tick}'s archetype values; called from the model thread after each tick. */
    void update(MarketModel model, int tick) {
        double[][] v = model.record().entityVectors(tick);
        List<Entity> entities = model.record().entities();
        double[] market = v[v.length - 1];
        List<Object[]> points = new ArrayList<>();
        for (int e = 0; e < entities.size(); e++) {
            if (entities.get(e).type() != EntityType.ARCHETYPE) {
                continue;
            }
            for (Panel p : panels) {
                double y = p.metric().value(EntityType.ARCHETYPE, v[e], market, model.config().discountRatePerTick());
                points.add(new Object[] {p, entities.get(e).name(), y * p.scale()});
            }
        }
        SwingUtilities.invokeLater(() -> {
            for (Object[] point : points) {
                Panel p = (Panel) point[0];
                String name = (String) point[1];
                double y = (Double) point[2];
                if (Double.isNaN(y)) {
                    continue;
                }
                XYSeries series;
                int index = p.data().getSeriesIndex(name);
                if (index < 0) {
                    series = new XYSeries(name, true, false);
                    p.data().addSeries(series);
                    index = p.data().getSeriesIndex(name);
                    XYPlot plot = findPlot(p);
                    if (plot != null) {
                        plot.getRenderer().setSeriesPaint(index, Palette.of(name));
                    }
                } else {
                    series = p.data().getSeries(index);
                }
                series.addOrUpdate(tick + 1, y);
            }
        });
    }

    private XYPlot findPlot(Panel p) {
        for (java.awt.Component c : frame.getContentPane().getComponents()) {
            if (c instanceof ChartPanel cp && cp.getChart().getXYPlot().getDataset() == p.data()) {
                return cp.getChart().getXYPlot();
            }
        }
        return null;
    }
}
