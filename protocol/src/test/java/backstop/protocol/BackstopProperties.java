package backstop.protocol;

import backstop.protocol.book.Side;
import backstop.protocol.liquidation.Abacus;
import backstop.protocol.liquidation.Auction;
import backstop.protocol.liquidation.AuctionTerms;
import backstop.protocol.liquidation.BackstopVaultTakeover;
import backstop.protocol.liquidation.DutchAuctionLiquidation;
import backstop.protocol.liquidation.ExponentialDecrease;
import backstop.protocol.liquidation.FlipAuctionLiquidation;
import backstop.protocol.liquidation.FlipBid;
import backstop.protocol.liquidation.FlipTerms;
import backstop.protocol.liquidation.LinearDecrease;
import backstop.protocol.liquidation.StairstepExponentialDecrease;
import backstop.protocol.margin.AccountRisk;
import backstop.protocol.market.MarketSpec;
import backstop.protocol.money.Amounts;
import backstop.protocol.tx.Tx;
import backstop.protocol.tx.TxResult;
import backstop.protocol.waterfall.BackstopVaultAbsorber;
import backstop.protocol.waterfall.InsuranceFundAbsorber;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Random auctions and vault takeovers: value is conserved throughout and the vault ends even after auctions. */
class BackstopProperties {
    private static final long VAULT_SEED = Amounts.micros(5_000_000);

    @Property(tries = 150, seed = Seeds.PINNED)
    void auctionsConserveValueAndLeaveTheVaultEvenOnceAllAreSold(@ForAll long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int marketCount = 1 + rnd.nextInt(2);
        Abacus abacus = switch (rnd.nextInt(3)) {
            case 0 -> new LinearDecrease(600 + rnd.nextInt(6_000));
            case 1 -> new StairstepExponentialDecrease(950_000 + rnd.nextInt(50_000), 10 + rnd.nextInt(120));
            default -> new ExponentialDecrease(999_000 + rnd.nextInt(1_000));
        };
        AuctionTerms terms = new AuctionTerms(1_000_000 + rnd.nextInt(500_000), 300 + rnd.nextInt(9_000),
                rnd.nextInt(600_000), rnd.nextInt(5_000), Amounts.micros(rnd.nextInt(50)), rnd.nextInt(200_000),
                Amounts.micros(20_000 + rnd.nextInt(200_000)), Amounts.micros(15_000 + rnd.nextInt(100_000)));
        DutchAuctionLiquidation policy = new DutchAuctionLiquidation(abacus, terms, rnd.nextBoolean());
        World w = new World(rnd, marketCount, policy, List.of(new InsuranceFundAbsorber()));
        for (int step = 0; step < 120; step++) {
            int op = rnd.nextInt(100);
            if (op < 25) {
                w.moveOracle();
            } else if (op < 55 && !policy.auctions().isEmpty()) {
                Auction a = pick(rnd, policy.auctions());
                long price = policy.takePrice(a.id(), w.f.p.now());
                long limit = rnd.nextInt(5) == 0 ? rnd.nextLong(1, 400_000) : (price == 0 ? 1 : price);
                w.f.p.submit(new Tx.TakeAuction(w.keeper(), a.id(), rnd.nextInt(4) == 0 ? 0 : 1 + rnd.nextInt(1_500), limit));
            } else if (op < 62) {
                w.f.p.submit(new Tx.Liquidate(w.keeper(), w.trader()));
            } else if (op < 66) {
                w.f.p.submit(new Tx.Deposit(w.trader(), Amounts.micros(1 + rnd.nextInt(500))));
            } else {
                w.f.nextBlock(1 + rnd.nextInt(rnd.nextBoolean() ? 30 : 900));
            }
            w.f.assertInvariants();
        }
        // End blocks (kicking what is liquidatable, settling shortfalls) and sell out every auction at its price,
        // resetting stale ones, until a block ends with no auction running.
        for (int round = 0; round < 50; round++) {
            w.f.nextBlock(1);
            w.f.assertInvariants();
            if (policy.auctions().isEmpty()) {
                break;
            }
            for (Auction a : new ArrayList<>(policy.auctions())) {
                long price = policy.takePrice(a.id(), w.f.p.now());
                if (price == 0) {
                    assertTrue(w.f.p.submit(new Tx.TakeAuction(w.keeper(), a.id(), 0, 0)).ok());
                    price = policy.takePrice(a.id(), w.f.p.now());
                }
                TxResult r = w.f.p.submit(new Tx.TakeAuction(w.keeper(), a.id(), a.lots(), price)).result();
                assertEquals(TxResult.OK, r, "seed " + seed);
                w.f.assertInvariants();
            }
        }
        assertTrue(policy.auctions().isEmpty(), "seed " + seed);
        assertEquals(0, policy.activeTab(-1));
        int vault = w.f.p.vaultAccount();
        assertEquals(VAULT_SEED, w.f.balance(vault), "the vault only holds auctions: seed " + seed);
        assertFalse(w.f.p.accounts().hasPositions(vault));
        for (int t : w.traders) {
            assertEquals(0, policy.outstandingShortfall(t));
            assertTrue(w.f.p.accounts().hasPositions(t) || w.f.balance(t) >= 0, "flat accounts never stay negative");
        }
    }

    @Property(tries = 150, seed = Seeds.PINNED)
    void flipAuctionsConserveValueAndLeaveTheVaultEvenOnceAllAreDealt(@ForAll long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        FlipTerms terms = new FlipTerms(1_010_000 + rnd.nextInt(100_000), 30 + rnd.nextInt(900), 600 + rnd.nextInt(9_000),
                rnd.nextInt(200_000), 0.1 + rnd.nextDouble() * 2);
        FlipAuctionLiquidation policy = new FlipAuctionLiquidation(terms, rnd.nextBoolean());
        World w = new World(rnd, 1 + rnd.nextInt(2), policy, List.of(new InsuranceFundAbsorber()));
        for (int step = 0; step < 150; step++) {
            int op = rnd.nextInt(100);
            if (op < 25) {
                w.moveOracle();
            } else if (op < 60 && !policy.auctions().isEmpty()) {
                Auction a = pick(rnd, policy.auctions());
                FlipBid b = policy.bids(a.id());
                boolean dent = b.bid() == a.tab();
                long lots = dent ? Math.max(1, policy.maximumDentLots(a) - rnd.nextInt(3)) : b.lots();
                long bid = dent ? a.tab() : rnd.nextInt(3) == 0 ? a.tab()
                        : Math.min(a.tab(), policy.minimumBid(a) + rnd.nextLong(1 + a.tab() / 4));
                w.f.p.submit(new Tx.BidAuction(w.keeper(), a.id(), lots, rnd.nextInt(8) == 0 ? bid / 2 : bid));
            } else if (op < 68) {
                w.f.p.submit(new Tx.Liquidate(w.keeper(), w.trader()));
            } else if (op < 71) {
                w.f.p.submit(new Tx.Deposit(w.trader(), Amounts.micros(1 + rnd.nextInt(500))));
            } else {
                w.f.nextBlock(1 + rnd.nextInt(rnd.nextBoolean() ? 30 : 900));
            }
            w.f.assertInvariants();
            assertEquals(VAULT_SEED, w.f.p.risk(w.f.p.vaultAccount()).value() - policy.heldInVault(w.f.p.context()),
                    "the vault's own value never moves: seed " + seed + " step " + step + " op " + op);
        }
        // Bid one micro on every unbid auction (a zero bid), then let every bid expire and every auction be dealt.
        int vault = w.f.p.vaultAccount();
        for (int round = 0; round < 50 && !policy.auctions().isEmpty(); round++) {
            for (Auction a : new ArrayList<>(policy.auctions())) {
                if (policy.bids(a.id()).bidder() < 0) {
                    w.f.p.submit(new Tx.BidAuction(w.keeper(), a.id(), a.lots(), policy.minimumBid(a)));
                }
            }
            w.f.nextBlock(1 + terms.ttlSeconds());
            w.f.assertInvariants();
            assertEquals(VAULT_SEED, w.f.p.risk(vault).value() - policy.heldInVault(w.f.p.context()), "seed " + seed);
        }
        assertTrue(policy.auctions().isEmpty(), "seed " + seed);
        assertFalse(w.f.p.accounts().hasPositions(vault));
        long waiting = 0;
        for (int t : w.traders) {
            waiting += policy.outstandingShortfall(t);
            assertTrue(policy.outstandingShortfall(t) == 0 || w.f.p.accounts().hasPositions(t),
                    "a shortfall waits only for an account that still holds positions: seed " + seed);
        }
        assertEquals(VAULT_SEED, w.f.balance(vault) + waiting,
                "the vault only holds auctions and the shortfalls it paid for: seed " + seed);
    }

    @Property(tries = 150, seed = Seeds.PINNED)
    void takeoverConservesValueAndLeavesNoTraderBelowTwoThirdsOfMaintenance(@ForAll long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        BackstopVaultTakeover policy = new BackstopVaultTakeover(2, 3, 20_000 + rnd.nextInt(150_000),
                backstop.protocol.liquidation.PenaltySplit.NONE, rnd.nextInt(30_000), Long.MAX_VALUE, true);
        World w = new World(rnd, 1 + rnd.nextInt(2), policy,
                List.of(new InsuranceFundAbsorber(), new BackstopVaultAbsorber()));
        int vault = w.f.p.vaultAccount();
        for (int step = 0; step < 120; step++) {
            int op = rnd.nextInt(100);
            if (op < 35) {
                w.moveOracle();
            } else if (op < 60) {
                w.quote();
            } else {
                w.f.nextBlock(1 + rnd.nextInt(5));
                for (int a = 0; a < w.f.p.accounts().count(); a++) {
                    AccountRisk r = w.f.p.risk(a);
                    if (a != vault && w.f.p.accounts().hasPositions(a)) {
                        assertTrue(3 * r.value() >= 2 * r.maintenanceRequirement(), "seed " + seed + " account " + a);
                    }
                }
            }
            w.f.assertInvariants();
        }
    }

    private static <T> T pick(SplittableRandom rnd, java.util.Collection<T> items) {
        return new ArrayList<>(items).get(rnd.nextInt(items.size()));
    }

    /** A market maker, keepers with deep pockets and leveraged traders, on one or two BTC-like markets. */
    private static final class World {
        final Fixture f;
        final SplittableRandom rnd;
        final List<Integer> traders = new ArrayList<>();
        final List<Integer> keepers = new ArrayList<>();
        final long[] price;
        final int maker;

        World(SplittableRandom rnd, int markets, backstop.protocol.liquidation.LiquidationPolicy policy,
              List<backstop.protocol.waterfall.LossAbsorber> waterfall) {
            this.rnd = rnd;
            List<MarketSpec> specs = new ArrayList<>();
            for (int m = 0; m < markets; m++) {
                specs.add(Fixture.btc(m).build());
            }
            this.f = new Fixture(ProtocolConfig.builder(specs).liquidation(policy).waterfall(waterfall)
                    .insuranceFundSeed(Amounts.micros(rnd.nextInt(20_000))).backstopVaultSeed(VAULT_SEED).build());
            this.price = new long[markets];
            maker = f.open("100000000");
            for (int k = 0; k < 2; k++) {
                keepers.add(f.open("50000000"));
            }
            for (int m = 0; m < markets; m++) {
                price[m] = 200_000;
                f.p.setOraclePrice(m, price[m], 0);
            }
            int n = 3 + rnd.nextInt(6);
            for (int i = 0; i < n; i++) {
                int t = f.open(Integer.toString(1_000 + rnd.nextInt(4_000)));
                traders.add(t);
                for (int m = 0; m < markets; m++) {
                    // Lever up to about the initial margin, long or short.
                    long size = f.p.risk(t).freeCollateral() * 9 / (long) markets / f.p.market(m).spec().notional(1, price[m]);
                    if (size > 0) {
                        int buyer = rnd.nextBoolean() ? t : maker;
                        f.trade(buyer, buyer == t ? maker : t, m, price[m] / 10.0, size / 1_000.0);
                    }
                }
            }
            f.assertInvariants();
        }

        int keeper() {
            return keepers.get(rnd.nextInt(keepers.size()));
        }

        int trader() {
            return traders.get(rnd.nextInt(traders.size()));
        }

        void moveOracle() {
            int m = rnd.nextInt(price.length);
            double move = rnd.nextInt(4) == 0 ? (rnd.nextDouble() - 0.5) * 0.3 : (rnd.nextDouble() - 0.5) * 0.04;
            price[m] = Math.max(1_000, Math.round(price[m] * (1 + move)));
            f.p.setOraclePrice(m, price[m], 0);
        }

        /** The maker rests a bid and an ask a random distance from the oracle. */
        void quote() {
            int m = rnd.nextInt(price.length);
            long away = price[m] * (1 + rnd.nextInt(60)) / 1_000;
            f.p.submit(Tx.PlaceOrder.limit(maker, m, Side.BUY, price[m] - away, 1 + rnd.nextInt(3_000)));
            f.p.submit(Tx.PlaceOrder.limit(maker, m, Side.SELL, price[m] + away, 1 + rnd.nextInt(3_000)));
        }
    }
}
