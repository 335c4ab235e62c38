/**
 * The scenario format: parameter definitions (name, unit, default, range, meaning) in one place
 * ({@link marketsim.scenario.Params}), reading YAML or JSON into the model's validated
 * records with every problem reported at once, {@code --set} overrides, and the built-in library.
 * {@link marketsim.scenario.ScenarioLoader} finds and resolves a scenario into a
 * {@link marketsim.scenario.ScenarioDocument} (parsed once, read with overrides many times);
 * {@link marketsim.scenario.ScenarioReader} and its section readers turn it into a
 * {@link marketsim.scenario.Scenario}, through the input toolkit in {@link marketsim.scenario.input}.
 */
package marketsim.scenario;
