/**
 * Immutable, already-validated parameter records the model is built from. The scenario module
 * reads files, checks every value against its documented range and hands sim-core only these.
 */
package marketsim.core.config;
