/**
 * The controllers that change parameters: {@link ParameterController}s (rule-based, PID) that read
 * {@link Observable}s at each block end and set parameters of the {@code parameters} registry. Every change goes
 * through {@code Parameters.set}, clamped to its bounds and logged as a {@code parameter_changed} event; controllers
 * act only through {@code ProtocolContext}, and no policy package depends on this one.
 */
package backstop.protocol.governance;
