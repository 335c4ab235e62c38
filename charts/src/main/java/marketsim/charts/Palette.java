package marketsim.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.Map;

/**
 * One colour per archetype in every chart (Okabe-Ito, readable by colour-blind viewers), and
 * type sizes that stay legible when projected.
 */
public final class Palette {
    public static final Map<String, Color> COLOURS = Map.of(
            "product-focused", new Color(0xE6, 0x9F, 0x00),
            "customer-focused", new Color(0x00, 0x72, 0xB2),
            "hybrid-platform", new Color(0x00, 0x9E, 0x73),
            "platform", new Color(0x00, 0x9E, 0x73),
            "store", new Color(0xCC, 0x79, 0xA7),
            "market", new Color(0x55, 0x55, 0x55));
    public static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 26);
    public static final Font AXIS_LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 20);
    public static final Font TICK_LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 17);
    public static final Font LEGEND = new Font(Font.SANS_SERIF, Font.PLAIN, 18);
    public static final BasicStroke LINE = new BasicStroke(3f);
    /**
     * Colours for series that are not archetypes (parameters, variants), in order: the rest of
     * Okabe-Ito's palette, so they never look like an archetype's; its yellow is replaced by a wine red (Paul Tol),
     * as yellow lines and points are hard to see on white.
     */
    public static final java.util.List<Color> SERIES = java.util.List.of(new Color(0x56, 0xB4, 0xE9),
            new Color(0xD5, 0x5E, 0x00), new Color(0x88, 0x22, 0x55), new Color(0x00, 0x00, 0x00),
            new Color(0xE6, 0x9F, 0x00), new Color(0x00, 0x72, 0xB2));

    private Palette() {
    }

    /** The entity's colour; grey for anything else. */
    public static Color of(String entity) {
        return COLOURS.getOrDefault(entity, new Color(0x99, 0x99, 0x99));
    }

    /** The colour of the {@code index}-th series that is not an archetype (cycling). */
    public static Color series(int index) {
        return SERIES.get(index % SERIES.size());
    }

    /** The same colour, translucent, for confidence bands. */
    public static Color band(String entity) {
        Color c = of(entity);
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), 110);
    }
}
