package marketsim.gui;

import java.awt.Rectangle;

/**
 * Where the classroom window's three frames go on a screen, side by side and never overlapping, for a projector
 * (1280x720) up to a large monitor: the market display on the left as a square as tall as the screen allows, the
 * live charts in the middle, and the Console (its Model tab holds the levers) on the right, wide enough for a lever's
 * title in 17 px type.
 *
 * @param display the display frame's bounds (the market on the taste circle)
 * @param charts  the live charts frame's bounds
 * @param console the Console's bounds
 */
record WindowLayout(Rectangle display, Rectangle charts, Rectangle console) {
    /** The Console's width as a share of the screen's, and its narrowest and widest in pixels. */
    private static final double CONSOLE_SHARE = 0.28;
    private static final int CONSOLE_MIN = 340;
    private static final int CONSOLE_MAX = 520;
    /** The display's most as a share of the width left beside the Console: the charts keep the rest. */
    private static final double DISPLAY_SHARE = 0.45;

    /** The frames' bounds on {@code screen} (the usable area, in screen coordinates). */
    static WindowLayout of(Rectangle screen) {
        int console = Math.max(CONSOLE_MIN, Math.min(CONSOLE_MAX, (int) Math.round(CONSOLE_SHARE * screen.width)));
        int left = screen.width - console;
        int display = Math.min(screen.height, (int) Math.round(DISPLAY_SHARE * left));
        int charts = left - display;
        return new WindowLayout(new Rectangle(screen.x, screen.y, display, screen.height),
                new Rectangle(screen.x + display, screen.y, charts, screen.height),
                new Rectangle(screen.x + display + charts, screen.y, console, screen.height));
    }
}
