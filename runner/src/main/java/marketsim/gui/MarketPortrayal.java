package marketsim.gui;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.util.Locale;

import marketsim.charts.Palette;
import marketsim.core.MarketModel;
import marketsim.core.consumer.Population;
import marketsim.core.firm.Firm;
import marketsim.core.platform.Platform;
import sim.portrayal.DrawInfo2D;
import sim.portrayal.FieldPortrayal2D;
import sim.portrayal.Portrayal;
import sim.portrayal.simple.OvalPortrayal2D;

/**
 * Draws the market straight from the model's arrays (no object per consumer, so it stays fluid):
 * each consumer a dot at its taste angle on a ring for its segment, coloured by its last
 * supplier's archetype (grey before a first purchase); each firm a labelled square on the outer
 * ring at its product position; the platform at the centre, labelled with its take rate.
 */
final class MarketPortrayal extends FieldPortrayal2D {
    private static final Color NONE = new Color(0xBB, 0xBB, 0xBB);
    /** Labels in 17 px type, whatever the display's scale (it scales positions, not type): legible projected. */
    private static final Font LABEL = new Font(Font.SANS_SERIF, Font.BOLD, 17);
    private MarketModel model;

    void setModel(MarketModel model) {
        this.model = model;
        setField(model);
    }

    @Override
    public Portrayal getDefaultPortrayal() {
        return new OvalPortrayal2D();
    }

    @Override
    public void draw(Object object, Graphics2D g, DrawInfo2D info) {
        if (model == null || model.population() == null) {
            return;
        }
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        double cx = info.draw.x + info.draw.width / 2;
        double cy = info.draw.y + info.draw.height / 2;
        double outer = Math.min(info.draw.width, info.draw.height) * 0.45;
        Population p = model.population();
        int segments = model.config().population().segments().size();
        Color[] colours = new Color[model.firms().size()];
        for (Firm firm : model.firms()) {
            colours[firm.index()] = Palette.of(firm.config().archetype().key());
        }
        double dot = Math.max(2, outer / 90);
        for (int i = 0; i < p.size(); i++) {
            double angle = 2 * Math.PI * p.taste(i);
            double ring = outer * (0.35 + 0.5 * (p.segment(i) + 0.5) / segments);
            double x = cx + ring * Math.cos(angle);
            double y = cy + ring * Math.sin(angle);
            int last = p.lastSupplier(i);
            g.setColor(last < 0 ? NONE : colours[last]);
            g.fill(new java.awt.geom.Ellipse2D.Double(x - dot / 2, y - dot / 2, dot, dot));
        }
        g.setStroke(new BasicStroke(2f));
        g.setColor(new Color(0xDD, 0xDD, 0xDD));
        g.draw(new java.awt.geom.Ellipse2D.Double(cx - outer, cy - outer, 2 * outer, 2 * outer));
        g.setFont(LABEL);
        for (Firm firm : model.firms()) {
            if (!firm.active() || firm.config().pool() != null) {
                continue;
            }
            double angle = 2 * Math.PI * firm.position();
            double x = cx + outer * Math.cos(angle);
            double y = cy + outer * Math.sin(angle);
            g.setColor(colours[firm.index()]);
            g.fill(new java.awt.geom.Rectangle2D.Double(x - 7, y - 7, 14, 14));
            g.setColor(Color.DARK_GRAY);
            drawLabel(g, firm.name(), x, y, angle, info);
        }
        if (model.platform() != null) {
            g.setColor(Palette.of("platform"));
            g.fill(new java.awt.geom.Ellipse2D.Double(cx - 14, cy - 14, 28, 28));
            g.setColor(Color.DARK_GRAY);
            g.drawString(platformLabel(model.platform()), (float) (cx + 18), (float) (cy + 5));
        }
    }

    /**
     * A firm's label beside its marker at ({@code x}, {@code y}), {@code angle} round the circle: outward (right of
     * the marker on the circle's right half, left on its left, a line above or below near the top and bottom), and
     * turned inward where the market's square has no room for it outside.
     */
    private static void drawLabel(Graphics2D g, String text, double x, double y, double angle, DrawInfo2D info) {
        java.awt.FontMetrics metrics = g.getFontMetrics();
        int width = metrics.stringWidth(text);
        double gap = LABEL.getSize() * 0.7;
        double left = info.draw.x;
        double right = info.draw.x + info.draw.width;
        boolean onRight = Math.cos(angle) >= 0;
        if (onRight && x + gap + width > right) {
            onRight = false;
        } else if (!onRight && x - gap - width < left) {
            onRight = true;
        }
        double tx = onRight ? x + gap : x - gap - width;
        double ty = y + metrics.getAscent() / 2.0 - 2;
        if (Math.abs(Math.cos(angle)) < 0.3) {
            ty += Math.sin(angle) < 0 ? -LABEL.getSize() : LABEL.getSize();
        }
        g.drawString(text, (float) tx, (float) ty);
    }

    /** The platform marker's label: its take rate in force. */
    static String platformLabel(Platform platform) {
        return String.format(Locale.ROOT, "platform (take %.0f%%)", 100 * platform.takeRate());
    }
}
