package backstop.protocol;

import backstop.protocol.book.Side;
import backstop.protocol.breaker.CircuitBreaker;
import backstop.protocol.breaker.LiquidationPauseBand;
import backstop.protocol.breaker.LiquidationVolumeThrottle;
import backstop.protocol.breaker.OpenInterestCapBreaker;
import backstop.protocol.breaker.OracleGuard;
import backstop.protocol.breaker.OracleStalenessGuard;
import backstop.protocol.breaker.PriceBandBreaker;
import backstop.protocol.breaker.StressIndex;
import backstop.protocol.breaker.StressIndexBreaker;
import backstop.protocol.breaker.WithdrawalGate;
import backstop.protocol.event.EventLog;
import backstop.protocol.event.ProtocolEvent;
import backstop.protocol.market.MarketSpec;
import backstop.protocol.money.Amounts;
import backstop.protocol.tx.Tx;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every breaker at once, tuned tight, under random crashes, orders, withdrawals and block gaps: value is
 * conserved, nothing fills in a halted market, no liquidation fills while a breaker pauses liquidations, no
 * withdrawal passes a gate or a rate limit, and the same seed gives the same events.
 */
class BreakerProperties {

    @Property(tries = 150, seed = Seeds.PINNED)
    void breakersNeverLetValueOrFillsThroughWhileTripped(@ForAll long seed) {
        Run run = new Run(seed);
        for (int i = 0; i < 250; i++) {
            run.step();
            run.assertInvariants(i);
        }
    }

    @Property(tries = 30, seed = Seeds.PINNED)
    void sameSeedGivesTheSameEventsWithBreakers(@ForAll long seed) {
        Run a = new Run(seed);
        Run b = new Run(seed);
        for (int i = 0; i < 150; i++) {
            a.step();
            b.step();
        }
        assertEquals(a.p.stateHash(), b.p.stateHash());
        assertEquals(a.log.events(), b.log.events());
    }

    /** One randomized protocol with every breaker. */
    private static final class Run {
        final EventLog log = new EventLog();
        final Protocol p;
        final SplittableRandom rnd;
        final List<Integer> traders = new ArrayList<>();
        final PriceBandBreaker band = new PriceBandBreaker(new long[] {30_000, 60_000}, 30, 100_000, 3_600);
        final OracleGuard guard = new OracleGuard(200_000, 20_000, 80_000, 1_000, new long[] {20, 60}, 300);
        final OracleStalenessGuard stale = new OracleStalenessGuard(120, 30);
        final LiquidationPauseBand pauseBand = new LiquidationPauseBand(300_000, 300);
        final LiquidationVolumeThrottle throttle = new LiquidationVolumeThrottle(Amounts.micros(5_000), 300);
        final WithdrawalGate gate = new WithdrawalGate(5, List.of(new WithdrawalGate.Limiter(3_600, 200, Amounts.micros(500)),
                new WithdrawalGate.Limiter(86_400, 1_000, Amounts.micros(2_000))));
        final long[] price;
        final int maker;
        long block = 1;
        long time;
        String violation;

        Run(long seed) {
            rnd = new SplittableRandom(seed);
            int markets = 1 + rnd.nextInt(2);
            List<MarketSpec> specs = new ArrayList<>();
            for (int m = 0; m < markets; m++) {
                specs.add(Fixture.btc(m).build());
            }
            List<CircuitBreaker> breakers = List.of(band, guard, stale, pauseBand,
                    new OpenInterestCapBreaker(50_000, 600, 1_200_000), throttle, gate,
                    new StressIndexBreaker(new StressIndex(600, 60_000, 50_000, 500_000), 500_000, 1_000_000, 120, 1_000_000));
            ProtocolConfig config = ProtocolConfig.builder(specs).breakers(breakers)
                    .insuranceFundSeed(Amounts.micros(2_000)).build();
            p = new Protocol(config, this::check);
            p.beginBlock(block, time);
            price = new long[markets];
            for (int m = 0; m < markets; m++) {
                price[m] = 200_000;
                p.setOraclePrice(m, price[m], 0);
            }
            maker = (int) p.submit(new Tx.OpenAccount(0, -1, 0)).id();
            p.submit(new Tx.Deposit(maker, Amounts.micros(5_000_000)));
            for (int i = 0; i < 6; i++) {
                int t = (int) p.submit(new Tx.OpenAccount(1 + i, -1, 0)).id();
                p.submit(new Tx.Deposit(t, Amounts.micros(1_000 + rnd.nextInt(20_000))));
                traders.add(t);
            }
            for (int k = 0; k < 2; k++) { // a day passes: the deposits no longer inflate the rate-limit capacities
                p.endBlock();
                block++;
                time += 86_400;
                p.beginBlock(block, time);
            }
        }

        /** The sink sees each event before any breaker does: state here is what the event happened under. */
        private void check(ProtocolEvent e) {
            log.accept(e);
            if (p == null || violation != null) {
                return;
            }
            if (e instanceof ProtocolEvent.Fill f) {
                if (p.market(f.market()).halted()) {
                    violation = "fill in halted market: " + f;
                } else if (f.liquidation() && (stale.paused(f.market()) || pauseBand.paused(f.market())
                        || throttle.paused(f.market()))) {
                    violation = "liquidation fill while paused: " + f;
                }
            } else if (e instanceof ProtocolEvent.Transfer t && t.kind() != ProtocolEvent.Transfer.Kind.DEPOSIT
                    && p.context().withdrawalsGated()) {
                violation = "value left while gated: " + t;
            }
        }

        void step() {
            int op = rnd.nextInt(100);
            int m = rnd.nextInt(price.length);
            int trader = traders.get(rnd.nextInt(traders.size()));
            if (op < 20) {
                double move = rnd.nextInt(10) == 0 ? (rnd.nextDouble() - 0.6) * 0.4 : (rnd.nextDouble() - 0.5) * 0.04;
                price[m] = Math.max(1_000, Math.round(price[m] * (1 + move)));
                p.setOraclePrice(m, price[m], 0);
            } else if (op < 45) {
                long ref = p.market(m).oraclePrice();
                for (int k = 1; k <= 3; k++) {
                    p.submit(Tx.PlaceOrder.limit(maker, m, Side.BUY, ref - k * 200, 50 + rnd.nextInt(500)));
                    p.submit(Tx.PlaceOrder.limit(maker, m, Side.SELL, ref + k * 200, 50 + rnd.nextInt(500)));
                }
            } else if (op < 70) {
                Side side = rnd.nextBoolean() ? Side.BUY : Side.SELL;
                p.submit(Tx.PlaceOrder.market(trader, m, side, 100 + rnd.nextInt(2_000)));
            } else if (op < 78) {
                long[] before = {gate.capacity(0), gate.capacity(1)};
                long amount = Amounts.micros(1 + rnd.nextInt(rnd.nextBoolean() ? 3_000 : 300));
                int who = rnd.nextInt(4) == 0 ? maker : trader;
                if (p.submit(new Tx.Withdraw(who, amount)).ok() && (amount > before[0] || amount > before[1])) {
                    violation = "withdrawal of " + amount + " beyond capacity " + before[0] + "/" + before[1];
                }
            } else if (op < 82) {
                p.submit(new Tx.Deposit(trader, Amounts.micros(1 + rnd.nextInt(2_000))));
            } else if (op < 85) {
                p.submit(new Tx.Transfer(trader, traders.get(0), Amounts.micros(1 + rnd.nextInt(100))));
            } else {
                p.endBlock();
                block++;
                time += rnd.nextInt(20) == 0 ? 150 + rnd.nextInt(300) : 1 + rnd.nextInt(40);
                p.beginBlock(block, time);
            }
        }

        void assertInvariants(int step) {
            assertEquals(null, violation, "step " + step);
            Invariants.assertConserved(p, "step " + step);
            assertTrue(gate.capacity(0) >= 0 && gate.capacity(1) >= 0, "capacities never go below zero");
            assertFalse(p.market(0).oraclePrice() <= 0);
        }
    }
}
