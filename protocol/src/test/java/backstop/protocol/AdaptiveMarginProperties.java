package backstop.protocol;

import backstop.protocol.book.Side;
import backstop.protocol.event.EventLog;
import backstop.protocol.governance.InsuranceCoverage;
import backstop.protocol.governance.ParameterController;
import backstop.protocol.governance.PidController;
import backstop.protocol.governance.RuleBasedController;
import backstop.protocol.margin.MarginModel;
import backstop.protocol.margin.OiScaledMargin;
import backstop.protocol.margin.PredictiveMargin;
import backstop.protocol.margin.ScaledMargin;
import backstop.protocol.margin.TieredMargin;
import backstop.protocol.margin.VolatilityScaledMargin;
import backstop.protocol.market.FundingParams;
import backstop.protocol.market.MarginTier;
import backstop.protocol.market.MarketSpec;
import backstop.protocol.money.Amounts;
import backstop.protocol.tx.Tx;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Adaptive margin (volatility-scaled, predictive, governance-scaled, with rule or PID controllers) under
 * random trading, price paths and mid-block parameter changes: the risk index never goes stale — after every
 * operation it finds exactly the accounts a brute-force scan finds — and value is conserved.
 */
class AdaptiveMarginProperties {

    @Property(tries = 100, seed = Seeds.PINNED)
    void riskIndexMatchesABruteForceScanWhileMarginsAdapt(@ForAll long seed) {
        Driver d = new Driver(seed);
        for (int i = 0; i < 300; i++) {
            d.step();
            int[] found = d.protocol.risk().sweep();
            Arrays.sort(found);
            List<Integer> expected = new ArrayList<>();
            for (int a = 0; a < d.protocol.accounts().count(); a++) {
                if (d.protocol.margin().risk(a).liquidatable()) {
                    expected.add(a);
                }
            }
            assertEquals(expected.toString(), Arrays.toString(found), "seed " + seed + " step " + i);
            assertEquals(0, d.protocol.ledger().total(), "seed " + seed + " step " + i);
        }
    }

    @Property(tries = 30, seed = Seeds.PINNED)
    void sameSeedGivesTheSameEventsAndStateHash(@ForAll long seed) {
        Driver a = new Driver(seed);
        Driver b = new Driver(seed);
        for (int i = 0; i < 300; i++) {
            a.step();
            b.step();
            assertEquals(a.protocol.stateHash(), b.protocol.stateHash(), "seed " + seed + " step " + i);
        }
        assertEquals(a.log.events(), b.log.events());
        assertEquals(0, a.protocol.ledger().total());
    }

    /** A seed-determined protocol with an adaptive margin design and a random stream of operations. */
    private static final class Driver {
        final Protocol protocol;
        final EventLog log = new EventLog();
        private final SplittableRandom rnd;
        private final long[] price;
        private final List<Long> quotes = new ArrayList<>();
        private final int traders;
        private long block = 1;
        private long time;

        Driver(long seed) {
            rnd = new SplittableRandom(seed);
            int markets = 1 + rnd.nextInt(2);
            List<MarketSpec> specs = new ArrayList<>();
            for (int m = 0; m < markets; m++) {
                MarketSpec.Builder b = MarketSpec.builder(m, "M" + m, "0.1", "0.001").funding(FundingParams.NONE);
                if (rnd.nextBoolean()) {
                    b.tiers(List.of(new MarginTier(Amounts.micros(30_000), 100_000, 50_000), MarginTier.flat(200_000, 100_000)));
                }
                specs.add(b.build());
            }
            MarginModel inner = rnd.nextBoolean() ? new TieredMargin() : new OiScaledMargin(new TieredMargin());
            MarginModel adaptive = rnd.nextBoolean()
                    ? new VolatilityScaledMargin(inner, rnd.nextInt(900_000), 200_000 + rnd.nextInt(2_000_000),
                    500_000, 4_000_000, rnd.nextInt(100_000))
                    : new PredictiveMargin(inner, 50, 1 + rnd.nextInt(20), 1 + rnd.nextInt(5),
                    200_000 + rnd.nextInt(2_000_000), 500_000, 4_000_000, rnd.nextInt(100_000));
            List<ParameterController> controllers = switch (rnd.nextInt(3)) {
                case 0 -> List.of();
                case 1 -> List.of(RuleBasedController.marginOnInsuranceCoverage(5_000, 20_000, 200_000, rnd.nextInt(5)));
                default -> List.of(new PidController("pid", InsuranceCoverage.all(), 10_000, ScaledMargin.PARAMETER,
                        20, 5, 10, 1 + rnd.nextInt(3)));
            };
            protocol = new Protocol(ProtocolConfig.builder(specs)
                    .marginModel(new ScaledMargin(adaptive, 1_000_000, 500_000, 3_000_000))
                    .controllers(controllers)
                    .insuranceFundSeed(Amounts.micros(rnd.nextInt(3_000)))
                    .build(), log);
            protocol.beginBlock(block, time);
            price = new long[markets];
            for (int m = 0; m < markets; m++) {
                price[m] = 200_000;
                protocol.setOraclePrice(m, price[m], 0);
            }
            protocol.submit(new Tx.OpenAccount(0, -1, 0));
            protocol.submit(new Tx.Deposit(0, Amounts.micros(5_000_000)));
            traders = 4 + rnd.nextInt(6);
            for (int a = 1; a <= traders; a++) {
                protocol.submit(new Tx.OpenAccount(a, -1, 0));
                protocol.submit(new Tx.Deposit(a, Amounts.micros(500 + rnd.nextInt(5_000))));
            }
            requote();
        }

        void step() {
            int op = rnd.nextInt(100);
            int m = rnd.nextInt(price.length);
            int a = 1 + rnd.nextInt(traders);
            if (op < 30) {
                long free = protocol.risk(a).freeCollateral();
                long perLot = protocol.market(m).spec().notional(1, price[m]);
                long size = Math.max(1, free * (2 + rnd.nextInt(8)) / Math.max(1, perLot));
                protocol.submit(Tx.PlaceOrder.market(a, m, rnd.nextBoolean() ? Side.BUY : Side.SELL, size));
            } else if (op < 55) {
                double move = rnd.nextInt(5) == 0 ? (rnd.nextDouble() - 0.5) * 0.2 : (rnd.nextDouble() - 0.5) * 0.02;
                price[m] = Math.max(1_000, Math.round(price[m] * (1 + move)));
                protocol.setOraclePrice(m, price[m], 0);
            } else if (op < 62) {
                // Governance mid-block: takes effect at the end of the block.
                protocol.parameters().set(ScaledMargin.PARAMETER, 500_000 + rnd.nextInt(2_500_000), "test", 0);
            } else if (op < 67) {
                protocol.submit(new Tx.Deposit(a, Amounts.micros(1 + rnd.nextInt(2_000))));
            } else if (op < 72) {
                protocol.submit(new Tx.Withdraw(a, Amounts.micros(1 + rnd.nextInt(2_000))));
            } else {
                requote();
                protocol.endBlock();
                block++;
                time += 1 + rnd.nextInt(3);
                protocol.beginBlock(block, time);
            }
        }

        /** The maker (account 0) replaces its ladder of bids and asks around each oracle price. */
        private void requote() {
            for (long id : quotes) {
                protocol.submit(new Tx.CancelOrder(0, id));
            }
            quotes.clear();
            for (int m = 0; m < price.length; m++) {
                for (int k = 1; k <= 4; k++) {
                    long step = price[m] * k / 200;
                    for (Side side : Side.values()) {
                        long p = side == Side.BUY ? price[m] - step : price[m] + step;
                        var r = protocol.submit(Tx.PlaceOrder.limit(0, m, side, Math.max(1, p), 500 + rnd.nextInt(2_000)));
                        if (r.ok() && r.resting() > 0) {
                            quotes.add(r.id());
                        }
                    }
                }
            }
        }
    }
}
