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
 * recorded. Points are added on the Swing thread. Type is the charts' own (titles 20 px, axes and
 * ticks 17 px, the legend 18 px), for a projector, in two columns under one legend for all four
 * (an archetype appears in it with its first point).
 */
final class LiveCharts {
    private record Panel(Metric metric, String title, String axis, double scale, XYSeriesCollection data) {
    }

    private final List<Panel> panels = new ArrayList<>();
    private final JFrame frame = new JFrame("marketsim: live charts");
    private final JPanel grid = new JPanel(new GridLayout(0, 2));
    private final JPanel legend = new JPanel(new GridLayout(0, 2, 14, 2));
    /** A legend entry's width, in pixels: its swatch and an archetype's name in 18 px type. */
    private static final int LEGEND_ENTRY = 220;

    LiveCharts() {
        add(grid, Metric.UNIT_SHARE, "Unit share", "%", 100);
        add(grid, Metric.RETENTION, "Retention", "%", 100);
        add(grid, Metric.NET_MARGIN, "Net margin", "% of income", 100);
        add(grid, Metric.FEE_SHARE, "Intermediary fees", "% of revenue", 100);
        JPanel content = new JPanel(new java.awt.BorderLayout());
        legend.setBackground(java.awt.Color.WHITE);
        legend.setBorder(javax.swing.BorderFactory.createEmptyBorder(4, 12, 4, 4));
        content.add(legend, java.awt.BorderLayout.NORTH);
        content.add(grid, java.awt.BorderLayout.CENTER);
        frame.setContentPane(content);
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
        for (org.jfree.chart.axis.ValueAxis valueAxis : new org.jfree.chart.axis.ValueAxis[] {plot.getDomainAxis(),
            plot.getRangeAxis()}) {
            valueAxis.setLabelFont(Palette.TICK_LABEL);
            valueAxis.setTickLabelFont(Palette.TICK_LABEL);
        }
        chart.removeLegend(); // one legend above the four
        plot.getRangeAxis().setAutoRange(true);
        ((org.jfree.chart.axis.NumberAxis) chart.getXYPlot().getRangeAxis()).setAutoRangeIncludesZero(false);
        panels.add(new Panel(metric, title, axis, scale, data));
        grid.add(new ChartPanel(chart));
    }

    JFrame frame() {
        return frame;
    }

    /** Sets the frame's width: the legend takes as many columns as fit in it. */
    void layOut(int width) {
        legend.setLayout(new GridLayout(0, Math.max(1, width / LEGEND_ENTRY), 14, 2));
        legend.revalidate();
    }

    /** Adds {@code name} to the legend in its colour (on the Swing thread). */
    private void addToLegend(String name) {
        for (java.awt.Component c : legend.getComponents()) {
            if (c instanceof javax.swing.JLabel l && name.equals(l.getText())) {
                return;
            }
        }
        javax.swing.JLabel label = new javax.swing.JLabel(name, new Swatch(Palette.of(name)), javax.swing.SwingConstants.LEFT);
        label.setFont(Palette.LEGEND);
        legend.add(label);
        legend.revalidate();
    }

    /** A legend's colour square. */
    private record Swatch(java.awt.Color colour) implements javax.swing.Icon {
        private static final int SIZE = 16;

        @Override
        public void paintIcon(java.awt.Component c, java.awt.Graphics g, int x, int y) {
            g.setColor(colour);
            g.fillRect(x, y, SIZE, SIZE);
        }

        @Override
        public int getIconWidth() {
            return SIZE;
        }

        @Override
        public int getIconHeight() {
            return SIZE;
        }
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
                    addToLegend(name);
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
        for (java.awt.Component c : grid.getComponents()) {
            if (c instanceof ChartPanel cp && cp.getChart().getXYPlot().getDataset() == p.data()) {
                return cp.getChart().getXYPlot();
            }
        }
        return null;
    }
}
