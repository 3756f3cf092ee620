/**
 * The oracle between the venues and the protocol: {@link OracleSource} publishes on deviation or heartbeat after a
 * delay, and {@link OracleAggregator} takes the weighted median of what has arrived, optionally dropping outliers.
 * It reads venues only as price suppliers and depends on nothing but the JDK; the world passes its price on to the
 * protocol.
 */
package backstop.model.oracle;
