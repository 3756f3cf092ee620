/**
 * {@link FundingSettlement}: pays one market's funding zero-sum between longs and shorts through a clearing pot,
 * rounding dust to the treasury, and emits {@code funding_paid}. The rate comes from the market ({@code FundingParams}
 * and its premium average); this package only posts to the ledger and refreshes the risk index of the accounts it
 * charged or paid.
 */
package backstop.protocol.funding;
