/**
 * Where tastes and products sit: the Salop circle of circumference 1 (there is no geographic
 * space). Consumers' tastes, products' positions and the platform's taste bins are points on it.
 */
package marketsim.core.space;
