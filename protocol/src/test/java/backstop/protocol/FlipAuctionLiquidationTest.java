package backstop.protocol;

import backstop.protocol.event.ProtocolEvent;
import backstop.protocol.liquidation.Auction;
import backstop.protocol.liquidation.AuctionMeter;
import backstop.protocol.liquidation.FlipAuctionLiquidation;
import backstop.protocol.liquidation.FlipBid;
import backstop.protocol.liquidation.FlipTerms;
import backstop.protocol.liquidation.KeeperReward;
import backstop.protocol.metric.Meters;
import backstop.protocol.money.Amounts;
import backstop.protocol.tx.Tx;
import backstop.protocol.tx.TxResult;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Maker LIQ-1.2 flip auctions on a perp, against dss flip.sol's rules (tend, dent, deal, tick) and cat.sol's lump and
 * chop, with beg 1.03, ttl 600 s, tau 6 h, chop 13%. The standard case, as for the Dutch auction: a trader long 1 BTC
 * bought at 20,000 with 2,000 (cash −18,000) when the oracle falls to 18,900 (value 900 &lt; MMR 945). The bite seizes
 * equity 900; debt = 18,900 − 900 = 18,000; chop 13% → penalty 2,340; tab 20,340.
 */
class FlipAuctionLiquidationTest {
    private static final long VAULT_SEED = Amounts.micros(1_000_000);

    private static FlipAuctionLiquidation flip(double lump, boolean protocolTriggered) {
        return new FlipAuctionLiquidation(new FlipTerms(1_030_000, 600, 21_600, 130_000, lump), protocolTriggered);
    }

    private static Fixture fixture(FlipAuctionLiquidation policy) {
        return new Fixture(ProtocolConfig.builder(List.of(Fixture.btc(0).build())).liquidation(policy)
                .insuranceFundSeed(0).backstopVaultSeed(VAULT_SEED).build());
    }

    /** The standard case: a trader long 1 BTC bought at 20,000 from a maker with 2,000, then the oracle at 18,900. */
    private static int crash(Fixture f) {
        int maker = f.open("1000000");
        f.price(0, 20_000);
        int trader = f.open("2000");
        f.trade(trader, maker, 0, 20_000, 1);
        f.price(0, 18_900);
        return trader;
    }

    private static Auction only(FlipAuctionLiquidation policy) {
        assertEquals(1, policy.auctions().size());
        return policy.auctions().iterator().next();
    }

    private static TxResult bid(Fixture f, int keeper, Auction a, long lots, String amount) {
        return f.p.submit(new Tx.BidAuction(keeper, a.id(), lots, Amounts.micros(amount))).result();
    }

    /** The run's auction metrics from the fixture's events, as summary.json would show them. */
    private static Map<String, Object> metrics(Fixture f) {
        Meters meters = new Meters(List.of(new AuctionMeter(List.of(f.p.market(0).spec()))));
        f.log.events().forEach(meters::accept);
        return meters.summary();
    }

    private static double number(Map<String, Object> m, String key) {
        return ((Number) m.get(key)).doubleValue();
    }

    @Test
    void tendRaisesTheBidByBegThenDentLowersTheLotAndTheLastBidderGetsItAtDeal() {
        FlipAuctionLiquidation policy = flip(1, true);
        Fixture f = fixture(policy);
        int vault = f.p.vaultAccount();
        int k1 = f.open("30000");
        int k2 = f.open("30000");
        int poor = f.open("100");
        int trader = crash(f);
        f.nextBlock(1); // bite and kick at t = 0; now t = 1
        f.assertInvariants();
        Auction a = only(policy);
        ProtocolEvent.Liquidation kick = f.log.of(ProtocolEvent.Liquidation.class).get(0);
        assertEquals(FlipAuctionLiquidation.NAME, kick.policy());
        assertFalse(kick.partial(), "lump 1 BTC: the whole position");
        assertEquals(Amounts.micros(18_000), a.debt());
        assertEquals(Amounts.micros(20_340), a.tab());
        FlipBid b = policy.bids(a.id());
        assertEquals(-1, b.bidder());
        assertEquals(21_600, b.end(), "end = kick + tau");
        assertEquals(0, f.balance(trader));

        assertEquals(TxResult.UNKNOWN_AUCTION, f.p.submit(new Tx.BidAuction(k1, a.id() + 999, 1_000, 1)).result());
        assertEquals(TxResult.LIQUIDATION_NOT_PERMITTED, bid(f, trader, a, 1_000, "1"), "not on its own lot");
        assertEquals(TxResult.INSUFFICIENT_FREE_COLLATERAL, bid(f, poor, a, 1_000, "1000"), "the bid is locked cash");
        assertEquals(TxResult.OK, bid(f, k1, a, 1_000, "10000"));
        assertEquals(Amounts.micros(20_000), f.balance(k1), "k1's 10,000 is locked");
        assertEquals(601, b.expiry(), "tic = now + ttl");
        assertEquals(Amounts.micros(10_300), policy.minimumBid(a));
        assertEquals(TxResult.BID_TOO_LOW, bid(f, k2, a, 1_000, "10299.999999"), "flip.sol: insufficient-increase");
        f.nextBlock(100); // t = 101
        assertEquals(TxResult.OK, bid(f, k2, a, 1_000, "10300"));
        assertEquals(Amounts.micros(30_000), f.balance(k1), "the outbid bidder is refunded");
        assertEquals(Amounts.micros(19_700), f.balance(k2));
        assertEquals(701, b.expiry(), "each bid moves the expiry to now + ttl");
        assertEquals(TxResult.WRONG_AUCTION_PHASE, bid(f, k1, a, 999, "20340"), "a tend bids for the whole lot");
        assertEquals(TxResult.INVALID_AMOUNT, bid(f, k1, a, 1_000, "20340.000001"), "flip.sol: higher-than-tab");
        assertEquals(TxResult.OK, bid(f, k1, a, 1_000, "20340"));
        assertEquals(Amounts.micros(30_000), f.balance(k2));
        // dent: the bid stays the tab, the lot falls by at least beg: ⌊1000 / 1.03⌋ = 970 lots
        assertEquals(TxResult.WRONG_AUCTION_PHASE, bid(f, k2, a, 900, "20000"), "flip.sol: not-matching-bid");
        assertEquals(TxResult.BID_TOO_LOW, bid(f, k2, a, 1_000, "20340"), "flip.sol: lot-not-lower");
        assertEquals(TxResult.BID_TOO_LOW, bid(f, k2, a, 971, "20340"), "1.03 × 971 > 1000: insufficient-decrease");
        assertEquals(970, policy.maximumDentLots(a));
        assertEquals(TxResult.OK, bid(f, k2, a, 970, "20340"));
        f.assertInvariants();
        assertEquals(Amounts.micros(30_000), f.balance(k1));
        assertEquals(Amounts.micros(9_660), f.balance(k2));
        assertEquals(30, f.p.accounts().size(trader, 0), "the 30 lots given up go back to the account (flux to usr)");
        assertEquals(0, f.balance(trader));
        assertEquals(970, a.lots());

        f.nextBlock(600); // t = 701 = tic: bids refused, no deal yet (flip.sol deal needs tic < now)
        assertEquals(TxResult.AUCTION_FINISHED, bid(f, k1, a, 941, "20340"));
        f.nextBlock(1);
        assertEquals(a, policy.auctions().iterator().next());
        f.nextBlock(1); // deal at t = 702
        f.assertInvariants();
        assertTrue(policy.auctions().isEmpty());
        assertNull(policy.bids(a.id()));
        assertEquals(970, f.p.accounts().size(k2, 0));
        assertEquals(Amounts.micros(9_660), f.balance(k2), "the lot is delivered: its price was the bid");
        assertEquals(Amounts.micros(2_340), f.balance(f.p.insuranceFundPot(0)), "the tab paid the penalty in full");
        assertEquals(VAULT_SEED, f.balance(vault), "the vault only held the auction");
        assertFalse(f.p.accounts().hasPositions(vault));
        ProtocolEvent.AuctionDealt dealt = f.log.of(ProtocolEvent.AuctionDealt.class).get(0);
        assertEquals(k2, dealt.winner());
        assertEquals(970, dealt.lots());
        assertEquals(a.tab(), dealt.bid());
        assertEquals(List.of("tend", "tend", "tend", "dent"),
                f.log.of(ProtocolEvent.AuctionBid.class).stream().map(ProtocolEvent.AuctionBid::phase).toList());
        ProtocolEvent.LiquidationSettled settled = f.log.of(ProtocolEvent.LiquidationSettled.class).get(0);
        assertEquals(Amounts.micros(20_340), settled.notional());
        assertEquals(Amounts.micros(2_340), settled.penalty());
        assertEquals(0, f.log.of(ProtocolEvent.BadDebt.class).size());
        Map<String, Object> m = metrics(f);
        assertEquals(1, number(m, "auctions_kicked"));
        assertEquals(0.0, number(m, "auctions_zero_bid_share"));
        assertEquals(18_900.0, number(m, "auctioned_collateral"));
        assertEquals(0.0, number(m, "auction_bad_debt"));
        assertEquals(4, number(m, "auction_bids"));
        assertEquals(2.0, number(m, "auction_bidders_mean"));
    }

    @Test
    void aOneMicroBidNobodyBeatsWithinTtlWinsTheLotAndTheShortfallIsBadDebt() {
        FlipAuctionLiquidation policy = flip(1, true);
        Fixture f = fixture(policy);
        int k1 = f.open("30000");
        int k2 = f.open("30000");
        int trader = crash(f);
        f.nextBlock(1);
        Auction a = only(policy);
        assertEquals(1, policy.minimumBid(a), "the first bid need only be above zero: one micro-unit");
        assertEquals(TxResult.BID_TOO_LOW, bid(f, k1, a, 1_000, "0"), "flip.sol: bid-not-higher");
        assertEquals(TxResult.OK, bid(f, k1, a, 1_000, "0.000001"));
        f.nextBlock(600); // t = 601 = tic
        assertEquals(TxResult.AUCTION_FINISHED, bid(f, k2, a, 1_000, "15000"), "the bid has expired: nobody else bid");
        f.nextBlock(1);
        f.nextBlock(1); // deal
        f.assertInvariants();
        assertEquals(1_000, f.p.accounts().size(k1, 0), "1 BTC for one micro-unit");
        assertEquals(Amounts.micros(30_000) - 1, f.balance(k1));
        ProtocolEvent.BadDebt debt = f.log.of(ProtocolEvent.BadDebt.class).get(0);
        assertEquals(a.id(), debt.causeId());
        assertEquals(Amounts.micros(18_000) - 1, debt.amount(), "the whole debt less the bid");
        assertEquals(0, f.balance(trader));
        Map<String, Object> m = metrics(f);
        assertEquals(1.0, number(m, "auctions_zero_bid_share"));
        assertEquals(17_999.999999, number(m, "auction_bad_debt"), 1e-9);
        assertEquals((18_000 - 1e-6) / 18_900, number(m, "auction_bad_debt_ratio"), 1e-12);
    }

    @Test
    void anAuctionNobodyBidOnRestartsWhenTauHasPassed() {
        FlipAuctionLiquidation policy = flip(1, true);
        Fixture f = fixture(policy);
        int k1 = f.open("30000");
        int trader = crash(f);
        f.nextBlock(1);
        Auction a = only(policy);
        f.nextBlock(21_599); // t = 21,600 = end
        f.nextBlock(1);
        assertEquals(TxResult.AUCTION_FINISHED, bid(f, k1, a, 1_000, "1"), "end > now no longer holds");
        f.nextBlock(1); // tick at t = 21,601: end < now and no bid
        f.assertInvariants();
        assertEquals(21_601 + 21_600, policy.bids(a.id()).end());
        ProtocolEvent.Liquidation tick = f.log.of(ProtocolEvent.Liquidation.class).get(1);
        assertEquals(FlipAuctionLiquidation.TICK, tick.policy());
        assertEquals(a.id(), tick.causeId());
        assertEquals(TxResult.OK, bid(f, k1, a, 1_000, "1"));
    }

    @Test
    void tauEndsTheAuctionWhileBidsKeepExtendingTheirExpiry() {
        FlipAuctionLiquidation policy = flip(1, true);
        Fixture f = fixture(policy);
        int[] keepers = {f.open("30000"), f.open("30000")};
        int trader = crash(f);
        f.nextBlock(1);
        Auction a = only(policy);
        int n = 0;
        for (; f.p.now() < 21_600; n++) {
            long next = Math.max(Amounts.micros(1_000), policy.minimumBid(a));
            assertEquals(TxResult.OK, f.p.submit(new Tx.BidAuction(keepers[n % 2], a.id(), 1_000, next)).result());
            f.nextBlock(500);
        }
        assertEquals(44, n, "bids at t = 1, 501, …, 21,501");
        assertEquals(22_101, policy.bids(a.id()).expiry(), "the last bid would live past the end");
        assertEquals(TxResult.AUCTION_FINISHED, bid(f, keepers[0], a, 1_000, "20340"));
        f.nextBlock(1); // t = 21,602 > end: deal although tic = 22,101 is still ahead
        f.assertInvariants();
        assertTrue(policy.auctions().isEmpty());
        assertEquals(1_000, f.p.accounts().size(keepers[(n - 1) % 2], 0));
    }

    @Test
    void lumpBitesAPositionInLotsThatCarryTheirShareOfTheEquity() {
        FlipAuctionLiquidation policy = flip(0.4, false);
        Fixture f = fixture(policy);
        int keeper = f.open("30000");
        int trader = crash(f);
        f.nextBlock(1);
        assertTrue(policy.auctions().isEmpty(), "keepers bite");
        assertEquals(KeeperReward.NONE, f.p.keeperReward(trader), "Cat paid no keeper reward");
        assertTrue(f.p.submit(new Tx.Liquidate(keeper, trader)).ok());
        Auction first = only(policy);
        assertEquals(400, first.lotsAtKick(), "lump 0.4 BTC");
        assertTrue(f.log.of(ProtocolEvent.Liquidation.class).get(0).partial());
        // cat.sol: the bitten share of the equity is 900 × 400 / 1000 = 360; debt = 7,560 − 360; tab × 1.13
        assertEquals(Amounts.micros(7_200), first.debt());
        assertEquals(Amounts.micros(8_136), first.tab());
        assertEquals(600, f.p.accounts().size(trader, 0));
        assertEquals(Amounts.micros(-10_800), f.balance(trader));
        assertTrue(f.p.risk(trader).liquidatable(), "same health as before the bite: bitten again");
        assertTrue(f.p.submit(new Tx.Liquidate(keeper, trader)).ok());
        assertTrue(f.p.submit(new Tx.Liquidate(keeper, trader)).ok());
        f.assertInvariants();
        assertEquals(3, policy.auctions().size());
        List<Auction> all = List.copyOf(policy.auctions());
        assertEquals(List.of(400L, 400L, 200L), all.stream().map(Auction::lotsAtKick).toList());
        assertEquals(Amounts.micros(3_600), all.get(2).debt());
        assertFalse(f.p.accounts().hasPositions(trader));
        assertEquals(0, f.balance(trader));
    }

    @Test
    void aShortLotComesWithTwiceItsKickNotionalAndConservesValue() {
        FlipAuctionLiquidation policy = flip(1, true);
        Fixture f = fixture(policy);
        int vault = f.p.vaultAccount();
        int maker = f.open("1000000");
        int k1 = f.open("30000");
        f.price(0, 20_000);
        int trader = f.open("2000");
        f.trade(maker, trader, 0, 20_000, 1); // the trader sells 1 BTC: cash 22,000
        f.price(0, 21_100); // value 900 < MMR 1,055
        f.nextBlock(1);
        f.assertInvariants();
        Auction a = only(policy);
        assertEquals(-1, a.side());
        assertEquals(Amounts.micros(20_200), a.debt());
        assertEquals(TxResult.OK, bid(f, k1, a, 1_000, "0.000001"));
        f.nextBlock(601);
        f.nextBlock(1);
        f.assertInvariants();
        assertEquals(-1_000, f.p.accounts().size(k1, 0));
        assertEquals(Amounts.micros(30_000 + 2 * 21_100) - 1, f.balance(k1), "2 × 21,100 with the short, less the bid");
        assertEquals(Amounts.micros(20_200) - 1, f.log.of(ProtocolEvent.BadDebt.class).get(0).amount());
        assertEquals(VAULT_SEED, f.balance(vault));
    }
}
