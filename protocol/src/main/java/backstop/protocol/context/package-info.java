/**
 * {@link ProtocolContext}: the protocol-internal operations (post between pots, close into the book, transfer
 * positions, settle deficits, halt markets, gate withdrawals) through which liquidation policies, loss absorbers,
 * circuit breakers and governance controllers act, and {@link ClosedFill}, what a close into the book did. The root
 * package implements it; those policies never see {@code Protocol} itself, and agents never receive a context.
 */
package backstop.protocol.context;
