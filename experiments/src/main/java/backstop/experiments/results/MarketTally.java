package backstop.experiments.results;

import backstop.protocol.OpenLosses;
import backstop.protocol.Protocol;
import backstop.protocol.event.ProtocolEvent;
import backstop.protocol.waterfall.AutoDeleveraging;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The headline numbers per market, for {@code markets.csv}: each market's part of the loss decomposition
 * ({@link LossTally}), what it liquidated, deleveraged and halted, and its drawdowns; the backstop vault's PnL, which
 * spans markets, is a row of its own, so the rows add up to the summary's totals.
 */
final class MarketTally {
    private final Protocol protocol;
    private final LossTally losses;
    private final long[] liquidations;
    private final long[] liquidatedNotional;
    private final long[] adlCount;
    private final long[] adlNotional;
    private final long[] halts;
    private final double[] exogenousDrawdown;
    private final double[] markDrawdown;

    MarketTally(Protocol protocol, LossTally losses) {
        this.protocol = protocol;
        this.losses = losses;
        int n = protocol.markets().size();
        liquidations = new long[n];
        liquidatedNotional = new long[n];
        adlCount = new long[n];
        adlNotional = new long[n];
        halts = new long[n];
        exogenousDrawdown = new double[n];
        markDrawdown = new double[n];
    }

    /** One protocol event; {@code adlNotionalOfTransfer}: an ADL transfer's notional, as the run's total counted it. */
    void accept(ProtocolEvent e, long adlNotionalOfTransfer) {
        if (e instanceof ProtocolEvent.LiquidationSettled s && s.sizeClosed() > 0) {
            liquidations[s.market()]++;
            liquidatedNotional[s.market()] += s.notional();
        } else if (e instanceof ProtocolEvent.PositionTransfer t && t.kind().equals(AutoDeleveraging.KIND)) {
            adlCount[t.market()]++;
            adlNotional[t.market()] += adlNotionalOfTransfer;
        } else if (e instanceof ProtocolEvent.Halt h && h.halted() && h.market() >= 0) {
            halts[h.market()]++;
        }
    }

    /** The drawdowns of market {@code m} so far. */
    void drawdowns(int m, double exogenous, double mark) {
        exogenousDrawdown[m] = Math.max(exogenousDrawdown[m], exogenous);
        markDrawdown[m] = Math.max(markDrawdown[m], mark);
    }

    /** One row per market, in market-id order, then the vault's row when there is a vault; amounts in quote units. */
    List<MarketRow> rows(OpenLosses open, long vaultNetDeposits) {
        List<MarketRow> out = new ArrayList<>();
        for (int m = 0; m < liquidations.length; m++) {
            Map<String, Object> row = units(losses.parts(m, open, vaultNetDeposits));
            row.put("liquidation_count", liquidations[m]);
            row.put("liquidated_notional", RunMetrics.units(liquidatedNotional[m]));
            row.put("adl_count", adlCount[m]);
            row.put("adl_notional", RunMetrics.units(adlNotional[m]));
            row.put("halt_count", halts[m]);
            row.put("exogenous_drawdown", exogenousDrawdown[m]);
            row.put("mark_drawdown", markDrawdown[m]);
            row.put("amplification", exogenousDrawdown[m] > 0 ? markDrawdown[m] / exogenousDrawdown[m] : Double.NaN);
            out.add(new MarketRow(protocol.market(m).spec().symbol(), row));
        }
        if (protocol.vaultAccount() >= 0) {
            Map<String, Object> row = new LinkedHashMap<>();
            long vaultLoss = Math.max(0, -losses.vaultPnl(open, vaultNetDeposits));
            for (String c : MarketRow.COLUMNS.subList(1, MarketRow.COLUMNS.size())) {
                row.put(c, c.endsWith("_count") ? (Object) 0L : (Object) 0.0);
            }
            row.put("loss_borne", RunMetrics.units(vaultLoss));
            row.put("vault_loss", RunMetrics.units(vaultLoss));
            row.put("exogenous_drawdown", Double.NaN);
            row.put("mark_drawdown", Double.NaN);
            row.put("amplification", Double.NaN);
            out.add(new MarketRow(LossTally.VAULT_ROW, row));
        }
        return out;
    }

    private static Map<String, Object> units(Map<String, Long> micros) {
        Map<String, Object> out = new LinkedHashMap<>();
        micros.forEach((k, v) -> out.put(k, RunMetrics.units(v)));
        return out;
    }
}
