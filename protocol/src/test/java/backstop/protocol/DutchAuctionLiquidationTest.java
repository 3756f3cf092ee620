package backstop.protocol;

import backstop.protocol.event.ProtocolEvent;
import backstop.protocol.liquidation.Auction;
import backstop.protocol.liquidation.AuctionTerms;
import backstop.protocol.liquidation.DutchAuctionLiquidation;
import backstop.protocol.liquidation.LinearDecrease;
import backstop.protocol.liquidation.StairstepExponentialDecrease;
import backstop.protocol.money.Amounts;
import backstop.protocol.tx.Tx;
import backstop.protocol.tx.TxResult;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Maker LIQ-2.0 auctions on a perp (MECHANISMS §6) with YFI-A terms unless stated. The standard case: a trader long
 * 1 BTC bought at 20,000 with 2,000 (cash −18,000) when the oracle falls to 18,900 (value 900 &lt; MMR 945). The kick
 * seizes equity 900; debt = 18,900 − 900 = 18,000; chop 13% → penalty 2,340; tab 20,340; top = 18,900 × 1.3 = 24,570.
 */
class DutchAuctionLiquidationTest {
    private static final long VAULT_SEED = Amounts.micros(1_000_000);
    private static final long TOP = 245_700; // ticks of 0.1

    private static Fixture fixture(DutchAuctionLiquidation policy, String insurance, int markets) {
        var specs = markets == 1 ? List.of(Fixture.btc(0).build()) : List.of(Fixture.btc(0).build(), Fixture.btc(1).build());
        return new Fixture(ProtocolConfig.builder(specs).liquidation(policy).insuranceFundSeed(Amounts.micros(insurance))
                .backstopVaultSeed(VAULT_SEED).build());
    }

    /** YFI-A auctions with no tip and the Hole and ilk.hole given, in whole quote units. */
    private static DutchAuctionLiquidation withHoles(long hole, long ilkHole, boolean protocolTriggered) {
        return new DutchAuctionLiquidation(StairstepExponentialDecrease.yfiA(),
                yfiA(0, Amounts.micros(hole), Amounts.micros(ilkHole)), protocolTriggered);
    }

    private static AuctionTerms yfiA(long tipMicros, long holeMicros, long ilkHoleMicros) {
        AuctionTerms y = AuctionTerms.yfiA();
        return new AuctionTerms(y.bufPpm(), y.tailSeconds(), y.cuspPpm(), y.chipPpm(), tipMicros, y.chopPpm(), holeMicros,
                ilkHoleMicros);
    }

    /** A trader long 1 BTC at 20,000 with 2,000 of collateral, bought from {@code maker}. */
    private static int longTrader(Fixture f, int maker) {
        int trader = f.open("2000");
        f.trade(trader, maker, 0, 20_000, 1);
        return trader;
    }

    private static Auction only(DutchAuctionLiquidation policy) {
        assertEquals(1, policy.auctions().size());
        return policy.auctions().iterator().next();
    }

    private static long insurance(Fixture f) {
        return f.p.ledger().balance(f.p.insuranceFundPot(0));
    }

    @Test
    void auctionFromKickToSettleWithAPartialThenAFullTakeConservesValueEveryBlock() {
        DutchAuctionLiquidation policy = DutchAuctionLiquidation.makerYfiA(true);
        Fixture f = fixture(policy, "0", 1);
        int vault = f.p.vaultAccount();
        int maker = f.open("1000000");
        int keeper = f.open("10000");
        f.price(0, 20_000);
        int trader = longTrader(f, maker);
        f.price(0, 18_900);
        f.nextBlock(1); // kick at t = 0
        f.assertInvariants();
        Auction a = only(policy);
        ProtocolEvent.Liquidation kick = f.log.of(ProtocolEvent.Liquidation.class).get(0);
        assertEquals(kick.id(), a.id(), "the auction id is the kick's liquidation event");
        assertEquals(DutchAuctionLiquidation.NAME, kick.policy());
        assertEquals(-f.lots(0, 1), kick.size());
        assertEquals(Amounts.micros(18_000), a.debt());
        assertEquals(Amounts.micros(2_340), a.penalty());
        assertEquals(Amounts.micros(20_340), a.tab());
        assertEquals(TOP, a.top());
        assertEquals(0, f.balance(trader), "the account is left flat with nothing to withdraw");
        assertFalse(f.p.accounts().hasPositions(trader));
        assertEquals(f.lots(0, 1), f.p.accounts().size(vault, 0));
        assertEquals(VAULT_SEED + Amounts.micros(900 - 18_900), f.balance(vault));
        ProtocolEvent.Transfer seized = f.log.of(ProtocolEvent.Transfer.class).stream()
                .filter(t -> t.causeId() == a.id()).findFirst().orElseThrow();
        assertEquals(Amounts.micros(900), seized.amount());
        ProtocolEvent.PositionTransfer kicked = f.log.of(ProtocolEvent.PositionTransfer.class).get(0);
        assertEquals("auction-kick", kicked.kind());
        assertEquals(f.ticks(0, 18_900), kicked.price());

        // Every 90 s the price is top × 0.99^k; conservation holds after each block.
        f.nextBlock(89);
        for (int k = 1; k <= 27; k++) {
            assertEquals(new StairstepExponentialDecrease(990_000, 90).price(TOP, k * 90L), policy.takePrice(a.id(), f.p.now()));
            if (k < 27) {
                f.nextBlock(90);
                f.assertInvariants();
            }
        }
        assertEquals(2_430, f.p.now());
        assertEquals(187_307, policy.takePrice(a.id(), f.p.now())); // 245,700 × 0.99^27 = 187,307.9
        assertEquals(TxResult.PRICE_LIMIT_EXCEEDED, f.p.submit(new Tx.TakeAuction(keeper, a.id(), 400, 187_306)).result());
        assertTrue(f.p.submit(new Tx.TakeAuction(keeper, a.id(), 400, 187_307)).ok());
        // 0.4 BTC × 18,730.7 = 7,492.28 raised; 12,847.72 of the tab left; 0.6 BTC left.
        assertEquals(600, a.lots());
        assertEquals(Amounts.micros("12847.72"), a.remainingTab());
        assertEquals(Amounts.micros("12847.72"), policy.activeTab(-1));
        f.nextBlock(90);
        f.assertInvariants();
        assertEquals(185_434, policy.takePrice(a.id(), f.p.now())); // × 0.99^28
        assertTrue(f.p.submit(new Tx.TakeAuction(keeper, a.id(), 5_000, 185_434)).ok(), "asks for more than is left");
        // 0.6 × 18,543.4 = 11,126.04; proceeds 18,618.32; N = 618.32 < penalty 2,340: all of it is penalty.
        assertNull(policy.auction(a.id()));
        assertEquals(f.lots(0, 1), f.p.accounts().size(keeper, 0));
        assertEquals(Amounts.micros("-8618.32"), f.balance(keeper));
        assertEquals(Amounts.micros("618.32"), insurance(f));
        assertEquals(0, f.balance(trader));
        assertEquals(VAULT_SEED, f.balance(vault), "the vault only held the auction");
        assertFalse(f.p.accounts().hasPositions(vault));
        ProtocolEvent.LiquidationSettled settled = f.log.of(ProtocolEvent.LiquidationSettled.class).get(0);
        assertEquals(a.id(), settled.causeId());
        assertEquals(1_000, settled.sizeClosed());
        assertEquals(Amounts.micros("18618.32"), settled.notional());
        assertEquals(Amounts.micros("618.32"), settled.penalty());
        assertEquals(0, settled.reward());
        List<ProtocolEvent.PositionTransfer> takes = f.log.of(ProtocolEvent.PositionTransfer.class);
        assertEquals(List.of("auction-kick", "auction-take", "auction-take"), takes.stream().map(ProtocolEvent.PositionTransfer::kind).toList());
        assertTrue(takes.stream().allMatch(t -> t.causeId() == a.id()));
        f.nextBlock(1);
        f.assertInvariants();
        assertEquals(0, f.log.of(ProtocolEvent.BadDebt.class).size());
    }

    @Test
    void proceedsBeyondTheTabReturnToTheAccount() {
        DutchAuctionLiquidation policy = DutchAuctionLiquidation.makerYfiA(true);
        Fixture f = fixture(policy, "0", 1);
        int maker = f.open("1000000");
        int keeper = f.open("10000");
        f.price(0, 20_000);
        int trader = longTrader(f, maker);
        f.price(0, 18_900);
        f.nextBlock(1);
        Auction a = only(policy);
        f.price(0, 25_000); // the price recovers; the auction still asks its top of 24,570
        assertTrue(f.p.submit(new Tx.TakeAuction(keeper, a.id(), 1_000, TOP)).ok());
        // N = 24,570 − 18,000 = 6,570; penalty 2,340 to the fund; 4,230 back to the trader.
        assertEquals(Amounts.micros(2_340), insurance(f));
        assertEquals(Amounts.micros(4_230), f.balance(trader));
        ProtocolEvent.Transfer back = f.log.of(ProtocolEvent.Transfer.class).stream()
                .filter(t -> t.causeId() == a.id() && t.toAccount() == trader).findFirst().orElseThrow();
        assertEquals(Amounts.micros(4_230), back.amount());
        assertEquals(VAULT_SEED, f.balance(f.p.vaultAccount()));
        f.nextBlock(1);
        f.assertInvariants();
    }

    @Test
    void shortfallBecomesTheAccountsDeficitOnceFlatWithoutRecourseToNewCash() {
        DutchAuctionLiquidation policy = DutchAuctionLiquidation.makerYfiA(true);
        Fixture f = fixture(policy, "1000", 1);
        int maker = f.open("1000000");
        int keeper = f.open("10000");
        f.price(0, 20_000);
        int trader = longTrader(f, maker);
        f.price(0, 18_900);
        f.nextBlock(1);
        Auction a = only(policy);
        f.price(0, 15_000);
        assertTrue(f.p.submit(new Tx.Deposit(trader, Amounts.micros(500))).ok(), "the trader deposits again meanwhile");
        f.nextBlock(4_499);
        assertEquals(4_500, f.p.now());
        assertEquals(148_649, policy.takePrice(a.id(), f.p.now())); // 245,700 × 0.99^50
        assertTrue(f.p.submit(new Tx.TakeAuction(keeper, a.id(), 1_000, 148_649)).ok());
        // N = 14,864.9 − 18,000 = −3,135.1: no penalty, a shortfall settled at the end of the block.
        assertEquals(Amounts.micros("3135.1"), policy.outstandingShortfall(trader));
        assertEquals(0, f.log.of(ProtocolEvent.BadDebt.class).size());
        f.nextBlock(1);
        f.assertInvariants();
        ProtocolEvent.BadDebt debt = f.log.of(ProtocolEvent.BadDebt.class).get(0);
        assertEquals(Amounts.micros("3135.1"), debt.amount());
        assertEquals(a.id(), debt.causeId());
        List<ProtocolEvent.LossAbsorbed> shares = f.log.of(ProtocolEvent.LossAbsorbed.class);
        assertEquals(Amounts.micros(1_000), shares.get(0).amount());
        assertEquals("uncovered", shares.get(1).absorber());
        assertEquals(Amounts.micros("2135.1"), shares.get(1).amount());
        assertEquals(Amounts.micros(500), f.balance(trader), "cash deposited after the kick is not taken");
        assertEquals(VAULT_SEED, f.balance(f.p.vaultAccount()));
        assertEquals(0, policy.outstandingShortfall(trader));
        assertEquals(0, f.log.of(ProtocolEvent.LiquidationSettled.class).get(0).penalty());
    }

    @Test
    void shortfallWaitsWhileTheAccountHoldsANewPositionAndAddsUpWithTheNextOne() {
        DutchAuctionLiquidation policy = DutchAuctionLiquidation.makerYfiA(true);
        Fixture f = fixture(policy, "0", 1);
        int maker = f.open("1000000");
        int keeper = f.open("10000");
        f.price(0, 20_000);
        int trader = longTrader(f, maker);
        f.price(0, 18_900);
        f.nextBlock(1); // kick A at t = 0
        Auction first = only(policy);
        assertTrue(f.p.submit(new Tx.Deposit(trader, Amounts.micros(300))).ok());
        f.trade(trader, maker, 0, 18_900, 0.1); // a new 0.1 BTC long: cash −1,590
        f.nextBlock(4_499);
        assertTrue(f.p.submit(new Tx.TakeAuction(keeper, first.id(), 1_000, 148_649)).ok()); // N = −3,135.1
        f.nextBlock(1);
        assertEquals(Amounts.micros("3135.1"), policy.outstandingShortfall(trader), "not settled while a position is open");
        assertEquals(0, f.log.of(ProtocolEvent.BadDebt.class).size());
        f.price(0, 15_000); // the new position: value 300 − 1,890 + 1,500 = −90
        f.nextBlock(1); // kick B at t = 4,501: the vault puts 90 in, so the account is left at exactly 0
        Auction second = only(policy);
        assertEquals(0, f.balance(trader));
        assertEquals(Amounts.micros(1_590), second.debt());
        assertEquals(195_000, second.top());
        f.nextBlock(4_500);
        assertEquals(117_976, policy.takePrice(second.id(), f.p.now())); // 19,500 × 0.99^50
        assertTrue(f.p.submit(new Tx.TakeAuction(keeper, second.id(), 100, 117_976)).ok());
        // N = −90 − 1,500 + 1,179.76 = −410.24, added to the 3,135.1 still waiting.
        assertEquals(Amounts.micros("3545.34"), policy.outstandingShortfall(trader));
        f.nextBlock(1);
        ProtocolEvent.BadDebt debt = f.log.of(ProtocolEvent.BadDebt.class).get(0);
        assertEquals(Amounts.micros("3545.34"), debt.amount());
        assertEquals(second.id(), debt.causeId());
        assertEquals(0, f.balance(trader));
        assertEquals(VAULT_SEED, f.balance(f.p.vaultAccount()));
        f.assertInvariants();
    }

    @Test
    void penaltyIsRoundedUpAgainstTheLiquidatedAccount() {
        DutchAuctionLiquidation policy = DutchAuctionLiquidation.makerYfiA(true);
        Fixture f = fixture(policy, "0", 1);
        int maker = f.open("1000000");
        f.price(0, 20_000);
        int trader = f.open("2000.000003");
        f.trade(trader, maker, 0, 20_000, 1);
        f.price(0, 18_900);
        f.nextBlock(1);
        // debt 17,999.999997 × 13% = 2,339.99999961 → 2,340.
        assertEquals(Amounts.micros("17999.999997"), only(policy).debt());
        assertEquals(Amounts.micros(2_340), only(policy).penalty());
    }

    @Test
    void vaultBelowItsOwnMaintenanceMarginIsNeverKickedIntoItself() {
        DutchAuctionLiquidation policy = DutchAuctionLiquidation.makerYfiA(true);
        Fixture f = new Fixture(ProtocolConfig.builder(List.of(Fixture.btc(0).build())).liquidation(policy)
                .backstopVaultSeed(Amounts.micros(1_000)).build());
        int vault = f.p.vaultAccount();
        int maker = f.open("1000000");
        f.price(0, 20_000);
        longTrader(f, maker);
        f.price(0, 18_900);
        f.nextBlock(1);
        Auction a = only(policy);
        f.price(0, 17_400); // the vault: −17,000 + 17,400 = 400 < MMR 870
        f.nextBlock(1);
        assertTrue(f.p.risk().isLiquidatable(vault));
        assertEquals(a, only(policy));
        assertEquals(f.lots(0, 1), f.p.accounts().size(vault, 0));
        f.assertInvariants();
    }

    @Test
    void keeperEarnsTipPlusChipOnKickAndOnCuspReset() {
        DutchAuctionLiquidation policy = new DutchAuctionLiquidation(StairstepExponentialDecrease.yfiA(),
                yfiA(Amounts.micros(100), Amounts.micros(100_000_000), Amounts.micros(5_000_000)), false);
        Fixture f = fixture(policy, "10000", 1);
        int maker = f.open("1000000");
        int keeper = f.open("10000");
        int resetter = f.open("0");
        f.price(0, 20_000);
        int trader = longTrader(f, maker);
        f.price(0, 18_900);
        f.nextBlock(1);
        assertTrue(policy.auctions().isEmpty(), "keeper-triggered: the protocol waits for a keeper's bark");
        assertTrue(f.p.submit(new Tx.Liquidate(keeper, trader)).ok());
        Auction a = only(policy);
        // tip 100 + chip 0.1% × tab 20,340 = 120.34 from the insurance fund (vow.suck).
        assertEquals(Amounts.micros("10120.34"), f.balance(keeper));
        assertEquals(Amounts.micros("9879.66"), insurance(f));
        assertEquals(1, a.startTime());
        f.nextBlock(2_430);
        assertTrue(f.p.submit(new Tx.TakeAuction(keeper, a.id(), 400, 187_307)).ok()); // raises 7,492.28
        f.nextBlock(8_190 - 2_430);
        assertEquals(98_448, policy.takePrice(a.id(), f.p.now()), "0.99^91 = 0.4007 ≥ cusp 0.4");
        assertEquals(TxResult.LIQUIDATION_NOT_PERMITTED, f.p.submit(new Tx.TakeAuction(resetter, a.id(), 0, 0)).result(),
                "nothing to reset yet");
        f.nextBlock(90);
        assertEquals(0, policy.takePrice(a.id(), f.p.now()), "0.99^92 = 0.3967 < cusp 0.4: needs a reset");
        assertEquals(TxResult.LIQUIDATION_NOT_PERMITTED, f.p.submit(new Tx.TakeAuction(keeper, a.id(), 100, TOP)).result());
        assertTrue(f.p.submit(new Tx.TakeAuction(resetter, a.id(), 0, 0)).ok(), "a take of size 0 is Maker's redo");
        // tip 100 + chip 0.1% × remaining tab 12,847.72 = 112.84772.
        assertEquals(Amounts.micros("112.84772"), f.balance(resetter));
        assertEquals(1 + 8_280, a.startTime());
        assertEquals(TOP, a.top(), "new top from the current oracle 18,900 × 1.3");
        assertEquals(TOP, policy.takePrice(a.id(), f.p.now()));
        ProtocolEvent.Liquidation reset = f.log.of(ProtocolEvent.Liquidation.class).get(1);
        assertEquals(DutchAuctionLiquidation.RESET, reset.policy());
        assertEquals(resetter, reset.liquidator());
        assertEquals(a.id(), reset.causeId());
        assertEquals(-600, reset.size());
        assertEquals(Amounts.micros("233.18772"), a.rewards());
        f.nextBlock(1);
        f.assertInvariants();
    }

    @Test
    void auctionOlderThanTailIsResetByTheProtocolAtBlockEndFromTheNewOracle() {
        AuctionTerms y = AuctionTerms.yfiA();
        DutchAuctionLiquidation policy = new DutchAuctionLiquidation(new LinearDecrease(3_600),
                new AuctionTerms(y.bufPpm(), 600, 0, y.chipPpm(), 0, y.chopPpm(), y.holeMicros(), y.ilkHoleMicros()), true);
        Fixture f = fixture(policy, "1000", 1);
        int maker = f.open("1000000");
        int keeper = f.open("10000");
        f.price(0, 20_000);
        longTrader(f, maker);
        f.price(0, 18_900);
        f.nextBlock(1);
        Auction a = only(policy);
        f.nextBlock(599);
        // 245,700 × 3,000 / 3,600 = 204,750 exactly, but Maker floors the factor ⌊3,000 RAY / 3,600⌋ first: 204,749.
        assertEquals(204_749, policy.takePrice(a.id(), 600), "not yet past the tail");
        f.nextBlock(1);
        assertEquals(0, a.resets(), "elapsed 600 is not more than tail 600");
        f.price(0, 18_000);
        assertEquals(TxResult.LIQUIDATION_NOT_PERMITTED, f.p.submit(new Tx.TakeAuction(keeper, a.id(), 1, TOP)).result());
        f.nextBlock(1);
        assertEquals(1, a.resets());
        assertEquals(234_000, a.top(), "18,000 × 1.3");
        assertEquals(233_934, policy.takePrice(a.id(), f.p.now()), "234,000 × 3,599 / 3,600, factor floored");
        ProtocolEvent.Liquidation reset = f.log.of(ProtocolEvent.Liquidation.class).get(1);
        assertEquals(DutchAuctionLiquidation.RESET, reset.policy());
        assertEquals(-1, reset.liquidator());
        assertEquals(0, a.rewards(), "the protocol's own reset pays no one");
        assertEquals(Amounts.micros(1_000), insurance(f));
        f.assertInvariants();
    }

    @Test
    void globalHoleBlocksTheKickUntilGovernanceMakesRoom() {
        DutchAuctionLiquidation policy = withHoles(20_000, 5_000_000, true);
        Fixture f = fixture(policy, "0", 1);
        int maker = f.open("1000000");
        f.price(0, 20_000);
        int trader = longTrader(f, maker);
        f.price(0, 18_900);
        f.nextBlock(1);
        f.nextBlock(1);
        assertTrue(policy.auctions().isEmpty(), "tab 20,340 > Hole 20,000");
        assertEquals(f.lots(0, 1), f.p.accounts().size(trader, 0));
        assertTrue(f.p.risk().isLiquidatable(trader));
        f.p.parameters().set("auction.hole_micros", Amounts.micros(20_340), "governance", 0);
        f.nextBlock(1);
        assertEquals(Amounts.micros(20_340), policy.activeTab(-1), "Dirt + tab ≤ Hole: equal is allowed");
        assertEquals(0, f.p.accounts().size(trader, 0));
        f.assertInvariants();
    }

    @Test
    void aKeeperSeesNoRewardWhileTheHoleHasNoRoomForTheKick() {
        DutchAuctionLiquidation policy = withHoles(20_000, 5_000_000, false);
        Fixture f = fixture(policy, "0", 1);
        int maker = f.open("1000000");
        int keeper = f.open("10000");
        f.price(0, 20_000);
        int trader = longTrader(f, maker);
        f.price(0, 18_900);
        f.nextBlock(1);
        assertTrue(f.p.risk().isLiquidatable(trader));
        // Tab 20,340 > Hole 20,000: bark would revert, so the design pays nothing for it now (dog.sol, read on chain).
        assertFalse(f.p.keeperReward(trader).pays(), "no reward while the Hole is full");
        assertFalse(f.p.submit(new Tx.Liquidate(keeper, trader)).result() == TxResult.OK);
        f.p.parameters().set("auction.hole_micros", Amounts.micros(20_340), "governance", 0);
        assertTrue(f.p.keeperReward(trader).pays(), "chip × tab once the kick fits");
        assertTrue(f.p.submit(new Tx.Liquidate(keeper, trader)).ok());
        f.assertInvariants();
    }

    @Test
    void ilkHoleLetsTheSecondKickInOnlyWhenTakesHaveLoweredTheMarketsActiveTab() {
        DutchAuctionLiquidation policy = withHoles(100_000_000, 30_000, true);
        Fixture f = fixture(policy, "0", 1);
        int maker = f.open("1000000");
        int keeper = f.open("10000");
        f.price(0, 20_000);
        int first = longTrader(f, maker);
        int second = longTrader(f, maker);
        f.price(0, 18_900);
        f.nextBlock(1);
        Auction a = only(policy);
        assertEquals(first, a.account(), "equal health: the lower id goes first");
        f.nextBlock(1);
        assertEquals(1, policy.auctions().size(), "20,340 + 20,340 > ilk.hole 30,000");
        assertTrue(f.p.submit(new Tx.TakeAuction(keeper, a.id(), 600, TOP)).ok());
        // 0.6 × 24,570 = 14,742 raised: 5,598 left, and 5,598 + 20,340 = 25,938 ≤ 30,000.
        assertEquals(Amounts.micros(5_598), policy.activeTab(0));
        f.nextBlock(1);
        assertEquals(2, policy.auctions().size());
        assertEquals(0, f.p.accounts().size(second, 0));
        assertEquals(Amounts.micros(25_938), policy.activeTab(0));
        f.assertInvariants();
    }

    @Test
    void shortPositionIsTakenOverByTheKeeperAtTheMirrorPrice() {
        DutchAuctionLiquidation policy = DutchAuctionLiquidation.makerYfiA(true);
        Fixture f = fixture(policy, "0", 1);
        int vault = f.p.vaultAccount();
        int maker = f.open("1000000");
        int keeper = f.open("10000");
        f.price(0, 20_000);
        int trader = f.open("2000");
        f.trade(maker, trader, 0, 20_000, 1); // trader short 1 BTC: cash 22,000
        f.price(0, 21_000); // value 1,000 < MMR 1,050
        f.nextBlock(1);
        Auction a = only(policy);
        // debt 21,000 − 1,000 = 20,000; penalty 2,600; top 27,300; the keeper is paid 2 × 21,000 − 27,300 × 0.99^k.
        assertEquals(-1, a.side());
        assertEquals(Amounts.micros(22_600), a.tab());
        assertEquals(-f.lots(0, 1), f.p.accounts().size(vault, 0));
        assertEquals(147_000, policy.takePrice(a.id(), 0));
        f.nextBlock(2_429);
        assertEquals(211_881, policy.takePrice(a.id(), f.p.now()), "42,000 − 27,300 × 0.99^27 = 21,188.1");
        assertEquals(TxResult.PRICE_LIMIT_EXCEEDED, f.p.submit(new Tx.TakeAuction(keeper, a.id(), 1_000, 211_882)).result(),
                "for a short the limit is the least the keeper accepts");
        assertTrue(f.p.submit(new Tx.TakeAuction(keeper, a.id(), 1_000, 211_881)).ok());
        // N = 22,000 − 21,188.1 = 811.9 < penalty 2,600; raised = 20,811.9 = debt + N.
        assertEquals(-f.lots(0, 1), f.p.accounts().size(keeper, 0));
        assertEquals(Amounts.micros("31188.1"), f.balance(keeper));
        assertEquals(Amounts.micros("811.9"), insurance(f));
        assertEquals(Amounts.micros("20811.9"), a.raised());
        assertEquals(0, f.balance(trader));
        assertEquals(VAULT_SEED, f.balance(vault));
        f.nextBlock(1);
        f.assertInvariants();
    }

    @Test
    void resetShortAuctionMirrorsAroundTheNewOracleButMeasuresRecoveryAgainstTheKick() {
        AuctionTerms y = AuctionTerms.yfiA();
        DutchAuctionLiquidation policy = new DutchAuctionLiquidation(StairstepExponentialDecrease.yfiA(),
                new AuctionTerms(y.bufPpm(), 2_500, y.cuspPpm(), 0, 0, y.chopPpm(), y.holeMicros(), y.ilkHoleMicros()), true);
        Fixture f = fixture(policy, "1000", 1);
        int maker = f.open("1000000");
        int keeper = f.open("10000");
        f.price(0, 20_000);
        int trader = f.open("2000");
        f.trade(maker, trader, 0, 20_000, 1);
        f.price(0, 21_000);
        f.nextBlock(1); // kick at t = 0: debt 20,000, vault cash from the auction 22,000
        Auction a = only(policy);
        f.price(0, 22_000);
        f.nextBlock(2_500);
        f.nextBlock(1); // past the 2,500 s tail: reset by the protocol at t = 2,501 from the oracle 22,000
        assertEquals(220_000, a.referencePrice());
        assertEquals(286_000, a.top());
        assertEquals(154_000, policy.takePrice(a.id(), 2_501), "2 × 22,000 − 28,600");
        f.nextBlock(2_429);
        assertEquals(221_970, policy.takePrice(a.id(), f.p.now()), "44,000 − 28,600 × 0.99^27 = 22,197");
        assertTrue(f.p.submit(new Tx.TakeAuction(keeper, a.id(), 1_000, 221_970)).ok());
        // N = 22,000 − 22,197 = −197; raised = 1 × (2 × 21,000 − 22,197) = 19,803 = debt + N.
        assertEquals(Amounts.micros(19_803), a.raised());
        assertEquals(Amounts.micros(197), policy.outstandingShortfall(trader));
        f.nextBlock(1);
        assertEquals(Amounts.micros(197), f.log.of(ProtocolEvent.BadDebt.class).get(0).amount());
        assertEquals(VAULT_SEED, f.balance(f.p.vaultAccount()));
        f.assertInvariants();
    }

    @Test
    void priceExactlyAtTheCuspIsStillForSale() {
        AuctionTerms y = AuctionTerms.yfiA();
        DutchAuctionLiquidation policy = new DutchAuctionLiquidation(new LinearDecrease(1_000),
                new AuctionTerms(y.bufPpm(), 10_000, 500_000, 0, 0, y.chopPpm(), y.holeMicros(), y.ilkHoleMicros()), true);
        Fixture f = fixture(policy, "0", 1);
        int maker = f.open("1000000");
        f.price(0, 20_000);
        longTrader(f, maker);
        f.price(0, 18_900);
        f.nextBlock(1);
        Auction a = only(policy);
        assertEquals(122_850, policy.takePrice(a.id(), 500), "price / top = 0.5 is not below cusp 0.5");
        assertEquals(0, policy.takePrice(a.id(), 501), "0.499 < 0.5: needs a reset");
    }

    @Test
    void keeperMustStayAtInitialMarginAfterATake() {
        DutchAuctionLiquidation policy = DutchAuctionLiquidation.makerYfiA(true);
        Fixture f = fixture(policy, "0", 1);
        int maker = f.open("1000000");
        int keeper = f.open("2000");
        f.price(0, 20_000);
        longTrader(f, maker);
        f.price(0, 18_900);
        f.nextBlock(1);
        Auction a = only(policy);
        // At the top of 24,570 the keeper would be worth 2,000 − 5,670 < IMR 1,890.
        assertEquals(TxResult.INSUFFICIENT_MARGIN, f.p.submit(new Tx.TakeAuction(keeper, a.id(), 1_000, TOP)).result());
        f.nextBlock(2_429);
        // At 18,730.7: 2,000 + 169.3 = 2,169.3 ≥ 1,890.
        assertTrue(f.p.submit(new Tx.TakeAuction(keeper, a.id(), 1_000, 187_307)).ok());
        assertFalse(f.p.risk().isLiquidatable(keeper));
        f.assertInvariants();
    }

    @Test
    void crossAccountAuctionsAreNettedAcrossMarketsBeforeAnythingIsReturned() {
        DutchAuctionLiquidation policy = DutchAuctionLiquidation.makerYfiA(true);
        Fixture f = fixture(policy, "0", 2);
        int maker = f.open("1000000");
        int keeper = f.open("10000");
        f.price(0, 20_000);
        f.price(1, 20_000);
        int trader = f.open("2000");
        f.trade(trader, maker, 0, 20_000, 0.5);
        f.trade(trader, maker, 1, 20_000, 0.5);
        f.price(0, 18_900);
        f.price(1, 18_900);
        f.nextBlock(1);
        // Each market: notional 9,450, equity share 450, debt 9,000, penalty 1,170, tab 10,170.
        List<Auction> auctions = List.copyOf(policy.auctions());
        assertEquals(2, auctions.size());
        assertEquals(Amounts.micros(10_170), auctions.get(0).tab());
        assertEquals(Amounts.micros(10_170), auctions.get(1).tab());
        f.price(0, 25_000);
        assertTrue(f.p.submit(new Tx.TakeAuction(keeper, auctions.get(0).id(), 500, TOP)).ok());
        // Market 0: 12,285 − 9,000 = 3,285 ≥ penalty 1,170; its 2,115 waits for market 1.
        assertEquals(Amounts.micros(1_170), insurance(f));
        assertEquals(0, f.balance(trader));
        f.nextBlock(4_499);
        assertTrue(f.p.submit(new Tx.TakeAuction(keeper, auctions.get(1).id(), 500, 148_649)).ok());
        // Market 1: 7,432.45 − 9,000 = −1,567.55, no penalty; net 2,115 − 1,567.55 = 547.45 back, no bad debt.
        assertEquals(Amounts.micros("547.45"), f.balance(trader));
        assertEquals(Amounts.micros(1_170), insurance(f));
        assertEquals(VAULT_SEED, f.balance(f.p.vaultAccount()));
        f.nextBlock(1);
        assertEquals(0, f.log.of(ProtocolEvent.BadDebt.class).size());
        List<ProtocolEvent.LiquidationSettled> settled = f.log.of(ProtocolEvent.LiquidationSettled.class);
        assertEquals(Amounts.micros(1_170), settled.get(0).penalty());
        assertEquals(0, settled.get(1).penalty());
        f.assertInvariants();
    }

    @Test
    void breakerStagesStopKicksThenResetsThenTakes() {
        DutchAuctionLiquidation policy = DutchAuctionLiquidation.makerYfiA(true);
        Fixture f = fixture(policy, "0", 1);
        int maker = f.open("1000000");
        int keeper = f.open("10000");
        f.price(0, 20_000);
        int trader = longTrader(f, maker);
        f.p.parameters().set("auction.stopped", 1, "clipper-mom", 0);
        f.price(0, 18_900);
        f.nextBlock(1);
        assertTrue(policy.auctions().isEmpty());
        assertEquals(f.lots(0, 1), f.p.accounts().size(trader, 0));
        f.p.parameters().set("auction.stopped", 0, "governance", 0);
        f.nextBlock(1);
        Auction a = only(policy);
        f.p.parameters().set("auction.stopped", 3, "clipper-mom", 0);
        assertEquals(TxResult.LIQUIDATION_NOT_PERMITTED, f.p.submit(new Tx.TakeAuction(keeper, a.id(), 1, TOP)).result());
        f.p.parameters().set("auction.stopped", 2, "governance", 0);
        f.nextBlock(9_000);
        assertEquals(TxResult.LIQUIDATION_NOT_PERMITTED, f.p.submit(new Tx.TakeAuction(keeper, a.id(), 0, 0)).result());
        f.nextBlock(1);
        assertEquals(0, a.resets(), "stage 2: stale auctions are not reset");
        assertEquals(TxResult.UNKNOWN_AUCTION, f.p.submit(new Tx.TakeAuction(keeper, a.id() + 1_000, 1, TOP)).result());
        f.assertInvariants();
    }

    @Test
    void designWithoutAVaultFailsLoudlyAtTheFirstKick() {
        Fixture f = new Fixture(ProtocolConfig.builder(List.of(Fixture.btc(0).build()))
                .liquidation(DutchAuctionLiquidation.makerYfiA(true)).build());
        int maker = f.open("1000000");
        f.price(0, 20_000);
        longTrader(f, maker);
        f.price(0, 18_900);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> f.nextBlock(1));
        assertTrue(e.getMessage().contains("backstopVaultSeed"));
    }
}
