/**
 * The market model: a MASON {@link sim.engine.SimState} whose weekly tick runs the phases of
 * MODEL.md section 1 ({@link marketsim.core.Phase}). Headless: nothing here imports AWT or Swing.
 */
package marketsim.core;
