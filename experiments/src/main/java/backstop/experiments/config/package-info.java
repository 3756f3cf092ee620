/**
 * Config files as trees and records: {@link ConfigTree} parses YAML/JSON and applies {@code extends:} and
 * {@code --set}, {@link ConfigBinder} binds trees to records (snake_case, unknown keys refused, polymorphic types
 * chosen by {@code type} or a bare name), {@link ConfigLint} reports every problem at once as a
 * {@link ConfigException}, and {@link ConfigReference} lists every key. The variants of a polymorphic type
 * ({@link Variants}) are a sealed interface's {@link Mechanism} records, or the model's and agents' types named by
 * mix-ins here. Generic: it knows no scenario, design or sweep.
 */
package backstop.experiments.config;
