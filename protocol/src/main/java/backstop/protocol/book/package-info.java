/**
 * The central limit order book: price-time priority matching with self-trade prevention and a fill-time
 * guard through which the protocol applies margin checks. The book knows nothing of accounts' money; it
 * may use only the JDK and fastutil.
 */
package backstop.protocol.book;
