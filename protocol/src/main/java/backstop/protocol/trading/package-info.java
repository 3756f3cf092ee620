/**
 * Order entry and fill settlement: {@link OrderEntry} checks a place, cancel or replace in full before touching the
 * book, a fill-time guard enforces initial margin and open-interest caps, and each fill's price, fees and rebates
 * are posted to the ledger as it happens; liquidation orders take the same path without the margin check. Only the
 * protocol calls it: agents reach it solely by submitting {@code Tx} records.
 */
package backstop.protocol.trading;
