/**
 * The format of a results folder, shared by the programs that write it ({@code results}) and those that only
 * read it ({@code charts}): the files' names ({@link marketsim.format.ResultFiles}) and the estimate across
 * replications with its 95% interval ({@link marketsim.format.Estimate}). Nothing here knows the simulator.
 */
package marketsim.format;
