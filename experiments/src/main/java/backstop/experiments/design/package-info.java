/**
 * Loss-mitigation designs as data: {@link DesignSpec} and its parts ({@link MarginSpec}, {@link LiquidationSpec},
 * {@link AbsorberSpec}, {@link BreakerSpec}, {@link ControllerSpec}), which build a fresh {@code ProtocolConfig}; the
 * preset library {@link Presets}; and {@link DesignOverrides} for {@code design.} assignments. It knows the protocol
 * only, nothing of the world, the agents or scenarios.
 */
package backstop.experiments.design;
