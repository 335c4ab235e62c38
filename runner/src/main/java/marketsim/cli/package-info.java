/** The {@code marketsim} command line (Picocli): one class per subcommand. */
package marketsim.cli;
