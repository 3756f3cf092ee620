package backstop.protocol.waterfall;

import backstop.protocol.money.Amounts;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every ranking formula on hand-computed candidates (MECHANISMS.md §1–§3), in dollars. */
class AdlRankingTest {
    private static final double EPS = 1e-12;

    /** A candidate from dollar amounts: account, lots, notional at the mark, cost, value, maintenance, wallet. */
    static AdlCandidate c(int account, long size, String notional, String cost, String value, String maintenance,
                          String wallet) {
        return new AdlCandidate(account, size, Amounts.micros(notional), Amounts.micros(cost), Amounts.micros(value),
                Amounts.micros(maintenance), Amounts.micros(wallet));
    }

    // 1 BTC long from $20,000 marked at $22,000 on a $2,000 wallet: uPnL $2,000, value $4,000.
    static final AdlCandidate LONG_UP = c(1, 1, "22000", "20000", "4000", "1100", "2000");
    // 1 BTC long from $20,000 marked at $18,000 on a $5,000 wallet: uPnL −$2,000, value $3,000.
    static final AdlCandidate LONG_DOWN = c(2, 1, "18000", "20000", "3000", "900", "5000");
    // 1 BTC short from $20,000 marked at $18,000 on a $2,000 wallet: uPnL $2,000, value $4,000.
    static final AdlCandidate SHORT_UP = c(3, -1, "-18000", "-20000", "4000", "900", "2000");

    @Test
    void bitmexRanksPositivePnlTimesEffectiveLeverage() {
        // PNL% = 2,000 / 20,000 = 10%; effective leverage = 22,000 / 4,000 = 5.5; rank 0.55.
        assertEquals(0.55, new BitmexRanking().score(LONG_UP), EPS);
        // Short: PNL% = (−18,000 + 20,000) / 20,000 = 10%; leverage 18,000 / 4,000 = 4.5; rank 0.45.
        assertEquals(0.45, new BitmexRanking().score(SHORT_UP), EPS);
    }

    @Test
    void bitmexDividesNegativePnlByEffectiveLeverage() {
        // PNL% = −2,000 / 20,000 = −10%; leverage 18,000 / 3,000 = 6; rank −0.1 / 6.
        assertEquals(-0.1 / 6, new BitmexRanking().score(LONG_DOWN), EPS);
        List<AdlCandidate> ranked = new BitmexRanking().rank(List.of(LONG_DOWN, SHORT_UP, LONG_UP));
        assertEquals(List.of(LONG_UP, SHORT_UP, LONG_DOWN), ranked);
    }

    @Test
    void binanceRanksPnlPercentTimesMarginRatio() {
        // PnL% = 2,000 / max(1, 2,000) = 1; margin ratio = 1,100 / 4,000 = 0.275; rank 0.275.
        assertEquals(0.275, new BinanceRanking().score(LONG_UP), EPS);
        // A loser's PnL% is max(0, uPnL) / … = 0.
        assertEquals(0, new BinanceRanking().score(LONG_DOWN), EPS);
    }

    @Test
    void binanceFloorsAWalletBelowOneUsdtAtOne() {
        // Wallet $0.50 < 1: PnL% = 30 / 1 = 30; margin ratio = 1.5 / 30.5; rank 45 / 30.5.
        AdlCandidate tiny = c(4, 1, "330", "300", "30.5", "1.5", "0.5");
        assertEquals(30 * 1.5 / 30.5, new BinanceRanking().score(tiny), EPS);
        // A non-positive account value gives margin ratio 0.
        assertEquals(0, new BinanceRanking().score(c(5, 1, "330", "300", "0", "1.5", "-30")), EPS);
    }

    @Test
    void hyperliquidIndexIsPriceRatioTimesNotionalOverAccountValue() {
        // (22,000 / 20,000) × (22,000 / 4,000) = 1.1 × 5.5 = 6.05.
        assertEquals(6.05, new HyperliquidRanking().score(LONG_UP), 1e-9);
        // Short, profit-oriented ratio entry / mark: (20,000 / 18,000) × (18,000 / 4,000) = 5.
        assertEquals(5.0, new HyperliquidRanking().score(SHORT_UP), 1e-9);
        assertEquals(List.of(LONG_UP, SHORT_UP), new HyperliquidRanking().rank(List.of(SHORT_UP, LONG_UP)));
    }

    @Test
    void equalScoresGoToTheLowerAccountId() {
        AdlCandidate a = c(9, 1, "22000", "20000", "4000", "1100", "2000");
        AdlCandidate b = c(7, 1, "22000", "20000", "4000", "1100", "2000");
        assertEquals(List.of(b, a), new BitmexRanking().rank(List.of(a, b)));
    }

    @Test
    void queueAllocationTakesWholePositionsInOrder() {
        List<AdlCandidate> ranked = List.of(sized(1, 3), sized(2, 5), sized(3, 12));
        assertArrayEquals(new long[] {3, 4, 0}, new BitmexRanking().allocate(ranked, 7));
    }

    @Test
    void proRataSplitsBySizeWithLargestRemainders() {
        // 7 × (3, 5, 12) / 20 = 1.05, 1.75, 4.2: floors 1, 1, 4 and the spare lot to the largest remainder (0.75).
        List<AdlCandidate> ranked = List.of(sized(1, 3), sized(2, -5), sized(3, 12));
        assertArrayEquals(new long[] {1, 2, 4}, new ProRataRanking().allocate(ranked, 7));
        // Fewer lots on that side than needed: everyone gives everything.
        assertArrayEquals(new long[] {3, 5, 12}, new ProRataRanking().allocate(ranked, 25));
        // Ties in the remainder go to the lower account id: 1 × (1, 1) / 2 = 0.5 each.
        assertArrayEquals(new long[] {1, 0}, new ProRataRanking().allocate(List.of(sized(4, 1), sized(6, 1)), 1));
    }

    @Test
    void randomRankingRotatesFromASeededStartAndRepeatsBySeed() {
        List<AdlCandidate> candidates = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            candidates.add(sized(10 + i, 1));
        }
        RandomRanking first = new RandomRanking(2024);
        RandomRanking again = new RandomRanking(2024);
        Set<Integer> starts = new HashSet<>();
        for (int k = 0; k < 50; k++) {
            List<AdlCandidate> r = first.rank(candidates);
            assertEquals(r, again.rank(candidates));
            int start = candidates.indexOf(r.get(0));
            for (int i = 0; i < 7; i++) {
                assertEquals(candidates.get((start + i) % 7), r.get(i), "iterates on from the start, wrapping");
            }
            starts.add(start);
        }
        assertTrue(starts.size() > 3, "the start index varies: " + starts);
    }

    private static AdlCandidate sized(int account, long size) {
        return new AdlCandidate(account, size, 0, 0, 1, 0, 0);
    }
}
