/**
 * The double-entry {@link Ledger} of quote micro-units over pots (account pots and system pots of a {@link PotKind});
 * every movement is one posting tagged with a {@link PostingReason}, so the total stays exactly zero, and
 * {@link PostingListener}s observe each posting. A leaf package: it knows nothing of accounts, markets or why a
 * posting is made, and depends only on the JDK.
 */
package backstop.protocol.ledger;
