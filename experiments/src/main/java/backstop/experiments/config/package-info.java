/**
 * Config files as trees and records: {@link ConfigTree} parses YAML/JSON and applies {@code extends:} and
 * {@code --set}, {@link ConfigBinder} binds trees to records (snake_case, unknown keys refused, sealed types chosen by
 * {@code type}), {@link ConfigLint} reports every problem at once as a {@link ConfigException}, and
 * {@link ConfigReference} lists every key. Generic: it names the model's and agents' polymorphic types but knows no
 * scenario, design or sweep.
 */
package backstop.experiments.config;
