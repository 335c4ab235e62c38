/**
 * The {@code marketsim} command line (Picocli): one class per subcommand, shared options in mixins
 * ({@code ScenarioOptions}, {@code RunOptions}, {@code OutputOptions}), exit codes from
 * {@code CommandLine.ExitCode} (0 ok, 1 failure, 2 bad input: {@code Main} maps scenario and input errors to 2).
 * Commands parse and print; the studies themselves live in the results module.
 */
package marketsim.cli;
