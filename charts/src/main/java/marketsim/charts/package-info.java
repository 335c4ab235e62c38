/**
 * Figures (JFreeChart) and the HTML report, drawn from a results folder's files, never from
 * live model objects. The chart kinds arrive with the charts issue; the module exists now so
 * the dependency chain sim-core &lt;- scenarios &lt;- results &lt;- charts &lt;- runner holds.
 */
package marketsim.charts;
