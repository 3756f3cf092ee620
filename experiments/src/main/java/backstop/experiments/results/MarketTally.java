package backstop.experiments.results;

import backstop.protocol.Protocol;
import backstop.protocol.event.ProtocolEvent;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The headline numbers per market, for {@code markets.csv}: what each market liquidated, deleveraged and halted,
 * its drawdowns, and what its bad debt cost whom. A deficit belongs to the market the protocol charges it to (the
 * bankrupt account's last market, as the loss waterfall does), and each absorber's share to its deficit's
 * market, so the rows add up to the summary's totals.
 */
final class MarketTally {
    private final Protocol protocol;
    private final long[] liquidations;
    private final long[] liquidatedNotional;
    private final long[] badDebt;
    private final long[] uncovered;
    private final long[] insuranceDrawn;
    private final long[] socialized;
    private final long[] adlCount;
    private final long[] adlNotional;
    private final long[] halts;
    private final double[] exogenousDrawdown;
    private final double[] markDrawdown;
    private final Map<Long, Integer> deficitMarket = new HashMap<>();

    MarketTally(Protocol protocol) {
        this.protocol = protocol;
        int n = protocol.markets().size();
        liquidations = new long[n];
        liquidatedNotional = new long[n];
        badDebt = new long[n];
        uncovered = new long[n];
        insuranceDrawn = new long[n];
        socialized = new long[n];
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
        } else if (e instanceof ProtocolEvent.BadDebt d) {
            int m = protocol.accounts().lastMarket(d.account());
            deficitMarket.put(d.id(), m);
            badDebt[m] += d.amount();
        } else if (e instanceof ProtocolEvent.LossAbsorbed a) {
            Integer m = deficitMarket.get(a.causeId());
            if (m != null) {
                switch (RunMetrics.absorberKind(a.absorber())) {
                    case UNCOVERED -> uncovered[m] += a.amount();
                    case INSURANCE -> insuranceDrawn[m] += a.amount();
                    case SOCIALIZED -> socialized[m] += a.amount();
                    case OTHER -> { }
                }
            }
        } else if (e instanceof ProtocolEvent.PositionTransfer t && t.kind().equals("adl")) {
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

    /** One row per market, in market-id order; amounts in quote units. */
    List<MarketRow> rows() {
        List<MarketRow> out = new ArrayList<>();
        for (int m = 0; m < liquidations.length; m++) {
            double amplification = exogenousDrawdown[m] > 0 ? markDrawdown[m] / exogenousDrawdown[m] : Double.NaN;
            out.add(new MarketRow(protocol.market(m).spec().symbol(), liquidations[m], RunMetrics.units(liquidatedNotional[m]),
                    RunMetrics.units(badDebt[m]), RunMetrics.units(uncovered[m]), RunMetrics.units(insuranceDrawn[m]),
                    RunMetrics.units(socialized[m]), adlCount[m], RunMetrics.units(adlNotional[m]), halts[m],
                    exogenousDrawdown[m], markDrawdown[m], amplification));
        }
        return out;
    }
}
