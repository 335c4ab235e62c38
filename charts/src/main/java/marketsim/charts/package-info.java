/**
 * Figures (JFreeChart; PNG and SVG through JFreeSVG) and the HTML report, drawn from a results
 * folder's files, never from live model objects: this module knows only the folder's format
 * ({@code marketsim.format}), so {@code marketsim chart DIR} and {@code marketsim report DIR} can
 * redraw them from the folder alone.
 */
package marketsim.charts;
