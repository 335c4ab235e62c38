/**
 * The format of a results folder, shared by the programs that write it ({@code results}) and those that only
 * read it ({@code charts}): the files' names ({@link marketsim.format.ResultFiles}), the estimate across
 * replications with its 95% interval ({@link marketsim.format.Estimate}), and how a folder is written so that a
 * reader never meets half of one: staged beside its place and moved in whole, its writer's leftovers removed once
 * the writer is gone ({@link marketsim.format.StagedFolder}). Nothing here knows the simulator.
 */
package marketsim.format;
