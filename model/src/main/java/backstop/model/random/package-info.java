/**
 * {@link Streams}: independent random streams derived from one run seed and a stream name, so adding a stream or an
 * agent never shifts another and designs run on common random numbers. Depends only on MASON's
 * {@code MersenneTwisterFast}; the world's and the agents' draws come from these streams, never from the clock.
 */
package backstop.model.random;
