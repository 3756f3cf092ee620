/**
 * {@link RiskEngine}: finds liquidatable accounts without scanning them all, indexing each position by the margin
 * price at which its share of the account's slack runs out (one package-private trigger index per market). It values
 * accounts through {@code margin}; it moves no value and does not decide what a liquidation does.
 */
package backstop.protocol.risk;
