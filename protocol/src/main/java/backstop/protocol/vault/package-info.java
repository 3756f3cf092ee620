/**
 * Liquidity-provider shares of the protocol's backstop vault: deposits, withdrawals after a lock-up.
 * Value moves only through ledger postings made by the protocol; this package keeps the share register.
 */
package backstop.protocol.vault;
