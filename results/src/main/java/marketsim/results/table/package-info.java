/**
 * Every text table the terminal prints, in one place: a run's summary by archetype, a comparison's paired
 * differences, a sweep's points and indices, a calibration's fit; with the shared cell formatting
 * ({@code Cells}).
 */
package marketsim.results.table;
