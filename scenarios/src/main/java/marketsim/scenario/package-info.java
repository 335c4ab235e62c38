/**
 * The scenario format: parameter definitions (name, unit, default, range, meaning) in one place
 * ({@link marketsim.scenario.Params}), reading YAML or JSON into the model's validated
 * records with every problem reported at once, {@code --set} overrides, and the built-in library.
 */
package marketsim.scenario;
