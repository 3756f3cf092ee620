/**
 * Tunable parameters and the controllers that change them: the {@link Parameters} registry of named, bounded
 * {@link Parameter}s that {@link Tunable} policies register, and {@link ParameterController}s (rule-based, PID) that
 * read {@link Observable}s at each block end. Every change goes through {@code Parameters.set}, clamped to its bounds
 * and logged as a {@code parameter_changed} event; controllers act only through {@code ProtocolContext}.
 */
package backstop.protocol.governance;
