/**
 * The market model: a MASON {@link sim.engine.SimState} whose weekly tick runs the phases of
 * MODEL.md section 1 ({@link marketsim.core.Phase}). {@link marketsim.core.MarketModel} builds a
 * run and schedules the phases; each mechanism is a class in its concept's package (consumer,
 * firm, platform, store, ledger, metrics; docs/ODD.md section 7 maps them);
 * {@link marketsim.core.Accounting} closes each tick's books; {@link marketsim.core.LiveControls}
 * holds the classroom window's levers. Headless: nothing here imports AWT or Swing.
 */
package marketsim.core;
