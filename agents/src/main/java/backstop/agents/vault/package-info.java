/**
 * {@link VaultLp}: a liquidity provider of the backstop vault that deposits part of its capital at genesis and asks
 * for its shares back when the share price falls too far from its peak. It acts only by {@code Tx.VaultDeposit} and
 * {@code Tx.VaultWithdraw} and reads the vault's share register and value through the protocol's public views.
 */
package backstop.agents.vault;
