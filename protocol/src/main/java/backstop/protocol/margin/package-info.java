/**
 * Valuation and margin: {@link MarginCalculator} values accounts ({@link AccountRisk}) at the configured
 * {@link PriceSource}, and each {@link MarginModel} gives initial and maintenance fractions: tiered,
 * open-interest-scaled, volatility-scaled (EWMA), predictive (GARCH(1,1), fitted with Commons Math) and scaled by
 * governance. It reads accounts, markets and the ledger; it moves no value and starts no liquidation.
 */
package backstop.protocol.margin;
