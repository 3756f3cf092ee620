package backstop.protocol.waterfall;

import backstop.protocol.ProtocolTestAccess;
import backstop.protocol.Protocol;
import backstop.protocol.book.Side;
import backstop.protocol.event.ProtocolEvent;
import backstop.protocol.market.Market;
import backstop.protocol.money.Amounts;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks, as each event happens, that every liquidation fill and every ADL fill lies in the band its rule
 * documents (README, "Loss waterfall"): a liquidation fill of {@code FullCloseLiquidation.standard()} no worse for the
 * liquidated account than its 10% slippage limit from the oracle; an ADL fill at the bankruptcy price within the ADL band of the oracle, at the
 * oracle, at the mark, or (minimal-haircut ADL) at the margin price, as the waterfall's ADL rules allow.
 * Also counts ADL fills more than 2× or less than ½ the oracle (issue 11's measure).
 */
final class FillBands {
    /** {@code FullCloseLiquidation.standard()}'s slippage limit, ppm of the oracle. */
    static final long LIQUIDATION_SLIPPAGE_PPM = 100_000;

    private final Protocol p;
    private final List<AdlPrice> queueRules;
    private final long bandPpm;
    private final boolean minimalHaircut;
    final List<String> outside = new ArrayList<>();
    long liquidationFills;
    long adlFills;
    long adlFarOff;

    /** Watches {@code f} for a waterfall; {@code bandPpm}: the bankruptcy-price ADL band. */
    FillBands(WaterfallFixture f, List<LossAbsorber> waterfall, long bandPpm) {
        this.p = f.p;
        this.bandPpm = bandPpm;
        List<AdlPrice> rules = new ArrayList<>();
        boolean minimal = false;
        for (LossAbsorber a : waterfall) {
            if (a instanceof AutoDeleveraging adl) {
                rules.add(adl.price());
            }
            minimal |= a instanceof MinimalHaircutDeleveraging;
        }
        this.queueRules = rules;
        this.minimalHaircut = minimal;
        f.watchers.add(this::check);
    }

    private void check(ProtocolEvent e) {
        if (e instanceof ProtocolEvent.Fill fill && fill.liquidation()) {
            liquidationFills++;
            Market m = p.market(fill.market());
            long o = m.oraclePrice();
            long band = Amounts.ppmFloor(o, LIQUIDATION_SLIPPAGE_PPM);
            // The limit bounds the closing side only: a stale quote better than the oracle is no venue's error.
            boolean sells = fill.takerSide() == Side.SELL; // the liquidated account takes
            if (sells ? fill.price() < o - band : fill.price() > o + band) {
                outside.add("liquidation fill " + fill + " oracle " + o);
            }
        } else if (e instanceof ProtocolEvent.PositionTransfer t && t.kind().equals(AutoDeleveraging.KIND)) {
            adlFills++;
            Market m = p.market(t.market());
            long o = m.oraclePrice();
            if (2 * o < t.price() || t.price() < o / 2) {
                adlFarOff++;
            }
            if (!allowed(t.price(), m)) {
                outside.add("adl fill " + t + " oracle " + o + " mark " + m.markPrice() + " rules " + queueRules
                        + (minimalHaircut ? " + minimal-haircut" : ""));
            }
        }
    }

    private boolean allowed(long price, Market m) {
        long o = m.oraclePrice();
        if (minimalHaircut && price == ProtocolTestAccess.context(p).margin().marginPrice(m.id())) {
            return true;
        }
        for (AdlPrice rule : queueRules) {
            boolean in = switch (rule) {
                case BANKRUPTCY -> Math.abs(price - o) <= Amounts.ppmFloor(o, bandPpm);
                case ORACLE -> price == o;
                case MARK -> price == m.markPrice();
            };
            if (in) {
                return true;
            }
        }
        return false;
    }
}
