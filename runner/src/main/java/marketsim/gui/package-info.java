/**
 * The classroom window: a MASON Console on the model, a display of consumers on the taste circle,
 * live JFreeChart 1.5 panels, and a small panel of levers (not MASON's property inspectors, whose
 * charting needs JFreeChart 1.0).
 */
package marketsim.gui;
