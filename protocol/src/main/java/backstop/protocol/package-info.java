/**
 * The modeled protocol's entry point: {@link Protocol}, a deterministic state machine driven only by transactions,
 * oracle prices and block boundaries, built from a {@link ProtocolConfig}; {@link OpenLosses} values the losses no
 * waterfall has settled yet. Package-private parts (collateral, the vault desk, the {@code ProtocolContext}
 * implementation) wire the subpackages together. Nothing in the protocol module may use MASON, Swing/AWT, I/O or
 * the system clock, or know of model, agents or any module above it (ArchitectureTest, LayeringTest).
 */
package backstop.protocol;
