/**
 * Reading input files (scenarios, calibration targets) so that a user with a bad file learns
 * everything wrong with it at once, and where: {@link marketsim.scenario.input.InputFiles} reads
 * a file with its limits (size, binary, UTF-8, a name no file can have),
 * {@link marketsim.scenario.input.Document} is a parsed YAML or JSON tree that remembers each
 * value's line and column, of the YAML we read ({@code YamlSubset}: one document, no anchors,
 * aliases or tags), {@link marketsim.scenario.input.Section} reads a
 * mapping of it and collects {@link Problem}s (path in the document, line and
 * column, the bad value and what was expected) instead of throwing, keys nobody asked for are
 * reported as errors, and {@link marketsim.scenario.input.Suggestions} is the one "did you mean"
 * every message uses. {@link marketsim.scenario.input.InputException} is the shape of every
 * input error: the file, then each problem on its own line.
 *
 * <p>What a value must be (a scenario parameter's range, a target's shape) is not here: the
 * scenario reader and the targets reader say that, with this package's vocabulary.
 */
package marketsim.scenario.input;
