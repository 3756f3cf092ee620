/**
 * {@link OracleManipulator}: the Mango Markets attack as an agent. Two accounts of one owner take both sides of a
 * position, spot bought on the thin venues the oracle reads inflates the long's profit, and it withdraws what the
 * protocol allows. It attacks only as a user could: by {@code Tx} on the protocol and trades on external venues.
 */
package backstop.agents.adversary;
