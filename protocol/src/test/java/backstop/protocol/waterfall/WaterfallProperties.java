package backstop.protocol.waterfall;

import backstop.protocol.event.ProtocolEvent;
import backstop.protocol.money.Amounts;
import backstop.protocol.Seeds;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;

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

    @Property(tries = 200, seed = Seeds.PINNED)
    void aLargerInsuranceFundNeverIncreasesAdlVolume(@ForAll long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        long small = Amounts.micros(r.nextInt(300)) + r.nextInt(1_000_000);
        long large = small + Amounts.micros(r.nextInt(3_000));
        int ranking = r.nextInt(5);
        boolean winnersOnly = r.nextBoolean();
        long none = adlLots(seed, 0, ranking, winnersOnly);
        long lotsSmall = adlLots(seed, small, ranking, winnersOnly);
        long lotsLarge = adlLots(seed, large, ranking, winnersOnly);
        assertTrue(none >= lotsSmall && lotsSmall >= lotsLarge,
                "seed " + seed + ": ADL lots with funds 0, " + small + ", " + large + ": " + none + ", " + lotsSmall + ", " + lotsLarge);
        assertEquals(0, adlLots(seed, Amounts.micros(1_000_000_000), ranking, winnersOnly), "a fund that covers everything");
    }

    @Example
    void theMonotonicityScenarioDoesDeleverage() {
        long deleveraged = 0;
        for (long seed = 1; seed <= 40; seed++) {
            deleveraged += adlLots(seed, 0, (int) (seed % 5), true) > 0 ? 1 : 0;
        }
        assertTrue(deleveraged >= 10, "only " + deleveraged + " of 40 crashes deleveraged anyone");
    }

    /** ADL lots of one single-market crash with an insurance fund of {@code insurance} before ADL. */
    private static long adlLots(long seed, long insurance, int ranking, boolean winnersOnly) {
        List<LossAbsorber> waterfall = List.of(new InsuranceFundAbsorber(),
                new AutoDeleveraging(ranking(ranking, seed), AdlPrice.BANKRUPTCY, winnersOnly));
        CrashScenario s = new CrashScenario(seed, 1, waterfall, insurance, false);
        s.crash();
        s.calm();
        s.f.assertConserved();
        return s.f.adlLots();
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
