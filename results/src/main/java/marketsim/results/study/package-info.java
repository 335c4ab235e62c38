/**
 * Experiment files: a run, comparison, sweep or calibration as a file that states everything deciding its data
 * (docs/EXPERIMENTS.md), read with placed problems and written into every results folder. The only package of
 * results that knows every kind of study, as the command line does.
 */
package marketsim.results.study;
