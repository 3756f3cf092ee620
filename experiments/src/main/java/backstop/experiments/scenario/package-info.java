/**
 * Scenarios: {@link ScenarioSpec}, the world around the protocol and its agent populations as bound from a file,
 * with its markets as {@link MarketConfig}s, and the library {@link Scenarios} under {@code scenarios/} on the
 * classpath. It builds the model's {@code WorldSpec} and the protocol's {@code MarketSpec}s and knows nothing of
 * loss-mitigation designs, so every design runs in every scenario.
 */
package backstop.experiments.scenario;
