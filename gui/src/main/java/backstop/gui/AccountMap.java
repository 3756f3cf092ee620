package backstop.gui;

import backstop.experiments.run.WorldRun;
import backstop.protocol.Protocol;
import backstop.protocol.account.Accounts;
import backstop.protocol.event.ProtocolEvent;
import backstop.protocol.margin.AccountRisk;
import backstop.protocol.market.Market;
import sim.field.continuous.Continuous2D;
import sim.portrayal.DrawInfo2D;
import sim.portrayal.continuous.ContinuousPortrayal2D;
import sim.portrayal.simple.OvalPortrayal2D;
import sim.util.Double2D;

import java.awt.Graphics2D;
import java.util.List;
import java.util.TreeSet;

/**
 * The account map's field: every account with a position (or a deficit) placed by leverage (x, log scale
 * from {@link #MIN_LEVERAGE}× to {@link #MAX_LEVERAGE}×) and distance to liquidation (y: the adverse price move
 * that reaches maintenance, {@link #MAX_DISTANCE} or more at the top, 0 or less at the bottom), coloured by
 * {@link AccountState} and sized by notional.
 */
public final class AccountMap {
    /** Leverage at the left edge; less is drawn at the edge. */
    public static final double MIN_LEVERAGE = 0.1;
    /** Leverage at the right edge; more is drawn at the edge. */
    public static final double MAX_LEVERAGE = 100;
    /** Distance to liquidation (fraction of price) at the top edge. */
    public static final double MAX_DISTANCE = 1;
    /** Field width and height. */
    public static final double SIZE = 100;

    private final Continuous2D field = new Continuous2D(5, SIZE, SIZE);
    private final ContinuousPortrayal2D portrayal = new ContinuousPortrayal2D();
    // Accounts liquidated in the latest block, and accounts ever deleveraged by ADL (sorted: no hash order).
    private final TreeSet<Integer> liquidating = new TreeSet<>();
    private final TreeSet<Integer> deleveraged = new TreeSet<>();
    private int seenEvents;
    private long lastBlock = -1;

    public AccountMap() {
        portrayal.setField(field);
        portrayal.setPortrayalForClass(AccountDot.class, new DotPortrayal());
    }

    public ContinuousPortrayal2D portrayal() {
        return portrayal;
    }

    public Continuous2D field() {
        return field;
    }

    /** Clears the map for a new run. */
    public void reset() {
        field.clear();
        liquidating.clear();
        deleveraged.clear();
        seenEvents = 0;
        lastBlock = -1;
    }

    /** Re-reads every account after a block; {@code events} is the run's event list so far. */
    public void update(Protocol p, List<ProtocolEvent> events) {
        long block = p.block();
        if (block != lastBlock) {
            liquidating.clear();
            lastBlock = block;
        }
        for (int i = seenEvents; i < events.size(); i++) {
            ProtocolEvent e = events.get(i);
            if (e instanceof ProtocolEvent.Liquidation l) {
                liquidating.add(l.account());
            } else if (e instanceof ProtocolEvent.PositionTransfer t) {
                deleveraged.add(t.toAccount());
                deleveraged.add(t.fromAccount());
            }
        }
        seenEvents = events.size();
        field.clear();
        Accounts accounts = p.accounts();
        for (int a = 0; a < accounts.count(); a++) {
            if (!accounts.exists(a)) {
                continue;
            }
            AccountRisk risk = p.risk(a);
            if (!accounts.hasPositions(a) && !risk.bankrupt()) {
                continue;
            }
            double notional = 0;
            for (Market m : p.markets()) {
                long size = accounts.size(a, m.id());
                if (size != 0) {
                    notional += m.spec().notional(Math.abs(size), m.markPrice()) / 1e6;
                }
            }
            AccountState state = AccountState.of(risk.health(), risk.bankrupt(), liquidating.contains(a),
                    deleveraged.contains(a));
            AccountDot dot = new AccountDot(a, accounts.owner(a), WorldRun.className(accounts.tag(a)),
                    risk.value() / 1e6, notional, risk.health(), risk.maintenanceRequirement() / 1e6, state);
            field.setObjectLocation(dot, place(dot));
        }
    }

    /** Where a dot goes: x by log leverage, y by distance to liquidation (top: far, bottom: liquidatable). */
    static Double2D place(AccountDot d) {
        double lev = Math.min(MAX_LEVERAGE, Math.max(MIN_LEVERAGE, d.getLeverage()));
        double x = Math.log(lev / MIN_LEVERAGE) / Math.log(MAX_LEVERAGE / MIN_LEVERAGE) * SIZE;
        double dist = Math.max(0, Math.min(MAX_DISTANCE, d.getDistanceToLiquidation()));
        return new Double2D(x, (1 - dist / MAX_DISTANCE) * SIZE);
    }

    /** Draws each dot in its state's colour, larger for larger notional (log scale). */
    private static final class DotPortrayal extends OvalPortrayal2D {
        private static final long serialVersionUID = 1L;

        @Override
        public void draw(Object object, Graphics2D graphics, DrawInfo2D info) {
            AccountDot d = (AccountDot) object;
            paint = d.state().colour();
            scale = size(d);
            super.draw(object, graphics, info);
        }

        // The shared portrayal's scale is whatever was drawn last: hit-test each dot at its own size.
        @Override
        public boolean hitObject(Object object, DrawInfo2D range) {
            scale = size((AccountDot) object);
            return super.hitObject(object, range);
        }

        private static double size(AccountDot d) {
            return Math.max(0.8, Math.min(3, Math.log10(1 + d.getNotional()) / 2));
        }
    }
}
