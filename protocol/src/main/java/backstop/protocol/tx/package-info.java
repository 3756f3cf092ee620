/**
 * The transactions through which alone anything outside the protocol changes its state: the sealed {@link Tx}
 * records, the {@link TxReceipt} each returns and the {@link TxResult} codes of success and refusal. Plain data,
 * depending only on the order vocabulary of {@code book}; checking and applying a transaction is the work of
 * {@code Protocol}.
 */
package backstop.protocol.tx;
