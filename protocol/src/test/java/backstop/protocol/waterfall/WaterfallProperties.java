package backstop.protocol.waterfall;

import backstop.protocol.event.ProtocolEvent;
import backstop.protocol.money.Amounts;
import backstop.protocol.Seeds;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Assumptions;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.SortedSet;
import java.util.SplittableRandom;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Random bankruptcies under random waterfalls: exact conservation, complete loss accounting, and ADL monotonicity. */
class WaterfallProperties {
    /** The band ADL at the bankruptcy price keeps to, ppm of the oracle. */
    static final long BAND_PPM = 500_000;

    @Property(tries = 300, seed = Seeds.PINNED)
    void randomWaterfallsConserveValueAndAccountForEveryDeficit(@ForAll long seed) {
        SplittableRandom r = new SplittableRandom(seed ^ 0x5DEECE66DL);
        InsurancePool pool = new InsurancePool(Amounts.micros(r.nextInt(3_000)));
        List<LossAbsorber> waterfall = randomWaterfall(r, pool);
        CrashScenario s = new CrashScenario(seed, 1 + r.nextInt(2), waterfall, Amounts.micros(r.nextInt(2_000)),
                r.nextBoolean());
        WaterfallFixture f = s.f;
        long world = pool.balance() - f.balance(f.p.externalPot());
        s.run(1 + r.nextInt(3), i -> {
            String where = "seed " + seed + " block " + i + " waterfall " + names(waterfall);
            f.assertConserved();
            assertEquals(world, pool.balance() - f.balance(f.p.externalPot()), "world: pool + protocol, " + where);
            for (ProtocolEvent.BadDebt debt : f.log.of(ProtocolEvent.BadDebt.class)) {
                long shares = 0;
                for (ProtocolEvent.LossAbsorbed share : f.shares(debt)) {
                    assertTrue(share.amount() > 0, where);
                    shares += share.amount();
                }
                assertEquals(debt.amount(), shares, "shares of bad debt " + debt.id() + ", " + where);
            }
        });
        for (int a = 0; a < f.p.accounts().count(); a++) {
            assertFalse(!f.p.accounts().hasPositions(a) && f.balance(a) < 0, "account " + a + " left flat and negative, seed " + seed);
        }
    }

    @Property(tries = 300, seed = Seeds.PINNED)
    void everyLiquidationAndAdlFillLiesInItsBand(@ForAll long seed) {
        FillBands bands = bandedCrash(seed);
        assertTrue(bands.outside.isEmpty(), () -> "seed " + seed + ": " + bands.outside.size() + " fills outside their band, first "
                + bands.outside.get(0));
    }

    /** System property: how many random crashes {@link #manyRandomCrashesKeepEveryFillInItsBand} runs. */
    static final String CRASHES = "backstop.crashes";

    /**
     * The long run of {@link #everyLiquidationAndAdlFillLiesInItsBand}, skipped unless {@code -Dbackstop.crashes=N}:
     * N random crashes, their seeds drawn from {@code -Dbackstop.crashes.seed} (fresh, and printed, when unset), every
     * fill outside its band counted rather than the first one stopping the run. README, "Tests".
     */
    @Example
    void manyRandomCrashesKeepEveryFillInItsBand() {
        int crashes = Integer.getInteger(CRASHES, 0);
        Assumptions.assumeTrue(crashes > 0, "the long run: set -D" + CRASHES + "=N");
        String given = System.getProperty(CRASHES + ".seed");
        // Exploring on purpose: a fresh stream unless one is given, printed so the run can be repeated.
        long base = given != null ? Long.parseLong(given) : new SplittableRandom().nextLong();
        SplittableRandom seeds = new SplittableRandom(base);
        long liquidationFills = 0;
        long adlFills = 0;
        long farOff = 0;
        List<String> outside = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < crashes; i++) {
            long seed = seeds.nextLong();
            FillBands bands = bandedCrash(seed);
            liquidationFills += bands.liquidationFills;
            adlFills += bands.adlFills;
            farOff += bands.adlFarOff;
            for (String o : bands.outside) {
                outside.add("seed " + seed + ": " + o);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%s: %,d crashes (-D%s.seed=%d) in %.1f s (%,.0f/s): %,d liquidation fills, %,d ADL fills"
                        + " (%,d beyond 2x or 1/2 the oracle), %,d outside their band%n", CRASHES, crashes, CRASHES, base,
                seconds, crashes / seconds, liquidationFills, adlFills, farOff, outside.size());
        assertTrue(outside.isEmpty(), () -> outside.size() + " fills outside their band, first "
                + outside.subList(0, Math.min(5, outside.size())));
    }

    /**
     * One random crash of 1–3 markets under a random waterfall, every liquidation and ADL fill watched by a
     * {@link FillBands}; conservation checked after every block.
     */
    static FillBands bandedCrash(long seed) {
        SplittableRandom r = new SplittableRandom(seed ^ 0x2545F4914F6CDD1DL);
        InsurancePool pool = new InsurancePool(Amounts.micros(r.nextInt(3_000)));
        List<LossAbsorber> waterfall = randomWaterfall(r, pool);
        CrashScenario s = new CrashScenario(seed, 1 + r.nextInt(3), waterfall, Amounts.micros(r.nextInt(2_000)),
                r.nextBoolean());
        FillBands bands = new FillBands(s.f, waterfall, BAND_PPM);
        s.run(1 + r.nextInt(3), i -> s.f.assertConserved());
        return bands;
    }

    /**
     * A larger insurance fund never deleverages more in the sweep the crash sets off: the accounts ADL closes there
     * with a larger fund are a subset of those it closes with a smaller one, and it moves no more lots; a fund that
     * covers every deficit deleverages no one in any block.
     *
     * <p>Why this holds. That sweep takes its accounts in an order fixed before it starts (by health); each one's
     * book liquidation meets the same book whatever the fund (ADL never touches the book, and the maker's margin
     * never binds); and a one-market gap bankrupts one side only, so no account of the sweep is another's ADL
     * counterparty. An account is deleveraged when its deficit projected at the margin price exceeds the fund's
     * balance at its turn ({@link LossWaterfall#resolvePositions}), and at every turn the larger fund holds at least
     * as much: an account both funds deleverage, or both see flat, leaves the same residual deficit r, and
     * max(0, b′ − r) ≥ max(0, b − r) for b′ ≥ b; one the larger fund spares draws nothing from it. So the set shrinks,
     * and with it the lots: each deleveraged account offsets its whole remaining position, or (winners only) what
     * the winners still hold, which totals min(Σ sizes, winners' lots).
     *
     * <p>Not claimed: fewer ADL lots over the whole run. ADL at the bankruptcy price held to the band can push a
     * counterparty under water (its own ADL is then caused by that {@code position_transfer}, not by the oracle
     * move), and which counterparty it hits, and in which sweep its remaining lots are closed, depends on what the
     * fund deferred. Crash seed 25517 deleverages 82, 83 and 40 lots with funds $0, $149.34 and $1,185.34: the
     * extra lot is such a cascade ({@link #aFundCanAddACascadeLotAfterTheCrashSweep}). README, "Design notes".
     */
    @Property(tries = 200, seed = Seeds.PINNED)
    void aLargerInsuranceFundNeverDeleveragesMoreInTheCrashSweep(@ForAll long seed) {
        FundLadder l = FundLadder.of(seed);
        String where = "seed " + seed + ", funds 0, " + l.small + ", " + l.large + ": ";
        assertTrue(l.none.sweepAccounts.containsAll(l.smaller.sweepAccounts)
                        && l.smaller.sweepAccounts.containsAll(l.larger.sweepAccounts),
                where + "accounts deleveraged in the crash sweep " + l.none.sweepAccounts + ", " + l.smaller.sweepAccounts
                        + ", " + l.larger.sweepAccounts);
        assertTrue(l.none.sweepLots >= l.smaller.sweepLots && l.smaller.sweepLots >= l.larger.sweepLots,
                where + "lots deleveraged in the crash sweep " + l.none.sweepLots + ", " + l.smaller.sweepLots + ", "
                        + l.larger.sweepLots);
        assertEquals(0, adl(seed, Amounts.micros(1_000_000_000), l.ranking, l.winnersOnly).runLots,
                "a fund that covers everything, seed " + seed);
    }

    /** Crash seed 25517 (found with fresh seeds): the crash sweep shrinks with the fund, the run does not. */
    @Example
    void aFundCanAddACascadeLotAfterTheCrashSweep() {
        FundLadder l = FundLadder.of(25517);
        assertEquals(List.of(149_335_331L, 1_185_335_331L), List.of(l.small, l.large));
        l.assertSweeps(List.of(4, 5, 10, 12, 15), 82, List.of(4, 12, 15), 71, List.of(4), 40);
        // The calm block: the $149.34 fund defers accounts 5 and 10, then is spent on account 14, which account
        // 12's ADL at the band's edge put under water; 14's last lot is deleveraged on its own account (caused by
        // that transfer) instead of being closed as account 10's counterparty, as it is with no fund.
        assertEquals(List.of(82L, 83L, 40L), List.of(l.none.runLots, l.smaller.runLots, l.larger.runLots));
        assertEquals(List.of(0L, 1L, 0L), List.of(l.none.cascadeLots, l.smaller.cascadeLots, l.larger.cascadeLots));
    }

    /** Crash seed −1481866 (failed the run-wide statement before the bankruptcy price was apportioned). */
    @Example
    void crashSeedMinus1481866DeleveragesTheSameTwoAccountsUntilTheFundCoversThem() {
        FundLadder l = FundLadder.of(-1481866);
        assertEquals(List.of(63_469_477L, 1_804_469_477L), List.of(l.small, l.large));
        l.assertSweeps(List.of(5, 9), 14, List.of(5, 9), 14, List.of(), 0);
    }

    /** Crash seed 8047 (failed the run-wide statement before the bankruptcy price was apportioned). */
    @Example
    void crashSeed8047DeleveragesTheSameTwoAccountsUntilTheFundCoversThem() {
        FundLadder l = FundLadder.of(8047);
        assertEquals(List.of(32_655_777L, 1_351_655_777L), List.of(l.small, l.large));
        l.assertSweeps(List.of(3, 4), 27, List.of(3, 4), 27, List.of(), 0);
    }

    @Example
    void theMonotonicityScenarioDoesDeleverage() {
        long deleveraged = 0;
        for (long seed = 1; seed <= 40; seed++) {
            deleveraged += adl(seed, 0, (int) (seed % 5), true).sweepLots > 0 ? 1 : 0;
        }
        assertTrue(deleveraged >= 10, "only " + deleveraged + " of 40 crashes deleveraged anyone in the crash sweep");
    }

    /** One crash seed under no fund, a smaller and a larger one, drawn from the seed; the same ADL rule in all. */
    private record FundLadder(long small, long large, int ranking, boolean winnersOnly, Adl none, Adl smaller,
                              Adl larger) {
        static FundLadder of(long seed) {
            SplittableRandom r = new SplittableRandom(seed);
            long small = Amounts.micros(r.nextInt(300)) + r.nextInt(1_000_000);
            long large = small + Amounts.micros(r.nextInt(3_000));
            int ranking = r.nextInt(5);
            boolean winnersOnly = r.nextBoolean();
            return new FundLadder(small, large, ranking, winnersOnly, adl(seed, 0, ranking, winnersOnly),
                    adl(seed, small, ranking, winnersOnly), adl(seed, large, ranking, winnersOnly));
        }

        void assertSweeps(List<Integer> none, long noneLots, List<Integer> smaller, long smallerLots,
                          List<Integer> larger, long largerLots) {
            assertEquals(List.of(none, smaller, larger), List.of(List.copyOf(this.none.sweepAccounts),
                    List.copyOf(this.smaller.sweepAccounts), List.copyOf(this.larger.sweepAccounts)), "accounts");
            assertEquals(List.of(noneLots, smallerLots, largerLots), List.of(this.none.sweepLots,
                    this.smaller.sweepLots, this.larger.sweepLots), "lots");
        }
    }

    /**
     * ADL in one single-market crash: in the crash sweep (the accounts deleveraged, ascending, and the lots), over
     * the run (crash then a calm block), and the run's lots deleveraged from accounts that an ADL transfer, not the
     * oracle move, put under water.
     */
    private record Adl(SortedSet<Integer> sweepAccounts, long sweepLots, long runLots, long cascadeLots) {
    }

    /** {@link Adl} of one single-market crash with an insurance fund of {@code insurance} before ADL. */
    private static Adl adl(long seed, long insurance, int ranking, boolean winnersOnly) {
        List<LossAbsorber> waterfall = List.of(new InsuranceFundAbsorber(),
                new AutoDeleveraging(ranking(ranking, seed), AdlPrice.BANKRUPTCY, winnersOnly));
        CrashScenario s = new CrashScenario(seed, 1, waterfall, insurance, false);
        s.crash();
        int sweep = s.f.adl().size();
        s.calm();
        s.f.assertConserved();
        List<ProtocolEvent.PositionTransfer> run = s.f.adl();
        SortedSet<Integer> accounts = new TreeSet<>();
        long sweepLots = 0;
        long runLots = 0;
        long cascadeLots = 0;
        for (int i = 0; i < run.size(); i++) {
            ProtocolEvent.PositionTransfer t = run.get(i);
            long lots = Math.abs(t.size());
            runLots += lots;
            if (i < sweep) {
                accounts.add(t.fromAccount());
                sweepLots += lots;
            }
            if (s.f.log.byId(t.causeId()) instanceof ProtocolEvent.PositionTransfer) {
                cascadeLots += lots;
            }
        }
        return new Adl(accounts, sweepLots, runLots, cascadeLots);
    }

    private static AdlRanking ranking(int which, long seed) {
        return switch (which) {
            case 0 -> new BitmexRanking();
            case 1 -> new BinanceRanking();
            case 2 -> new HyperliquidRanking();
            case 3 -> new ProRataRanking();
            default -> new RandomRanking(seed);
        };
    }

    /** A random subset, in random order, of the absorbers (each at most once). */
    private static List<LossAbsorber> randomWaterfall(SplittableRandom r, InsurancePool pool) {
        List<LossAbsorber> all = new ArrayList<>(List.of(
                new InsuranceFundAbsorber(),
                new BinanceInsuranceFund(r.nextInt(400_001), r.nextInt(200_001), r.nextInt(30_000), r.nextInt(30_000)),
                new AutoDeleveraging(ranking(r.nextInt(5), r.nextLong()), AdlPrice.values()[r.nextInt(3)], r.nextBoolean()),
                new MinimalHaircutDeleveraging(),
                new SocializedLoss(),
                new RiskAwareProRata(RiskAwareProRata.Risk.values()[r.nextInt(3)], 1 + r.nextInt(4), r.nextInt(3_000_000),
                        RiskAwareProRata.Mass.values()[r.nextInt(2)]),
                new FundingBumpSocialization(),
                r.nextBoolean() ? new PooledInsuranceAbsorber(pool, "member", Amounts.micros(r.nextInt(2_000)))
                        : PooledInsuranceAbsorber.perMarket(pool, Amounts.micros(r.nextInt(2_000)))));
        Collections.shuffle(all, new Random(r.nextLong()));
        return all.subList(0, r.nextInt(all.size() + 1));
    }

    private static List<String> names(List<LossAbsorber> waterfall) {
        return waterfall.stream().map(LossAbsorber::name).toList();
    }
}
