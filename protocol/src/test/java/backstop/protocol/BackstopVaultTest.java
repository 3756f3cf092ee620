package backstop.protocol;

import backstop.protocol.book.Side;
import backstop.protocol.event.ProtocolEvent;
import backstop.protocol.liquidation.BackstopVaultTakeover;
import backstop.protocol.liquidation.FullCloseLiquidation;
import backstop.protocol.liquidation.LiquidationPolicy;
import backstop.protocol.liquidation.PenaltySplit;
import backstop.protocol.money.Amounts;
import backstop.protocol.tx.Tx;
import backstop.protocol.waterfall.BackstopVaultAbsorber;
import backstop.protocol.waterfall.InsuranceFundAbsorber;
import backstop.protocol.waterfall.LossAbsorber;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hyperliquid's backstop liquidation into the Liquidator vault below ⅔ of maintenance margin (MECHANISMS §2), and the
 * vault as the loss absorber after the insurance fund. A trader long 1 BTC bought at 20,000 with 2,000 (cash −18,000)
 * has value P − 18,000 against MMR 5% × P: at 18,900 value 900 lies between ⅔ MM = 630 and MM = 945; at 18,600 value
 * 600 is below ⅔ MM = 620.
 */
class BackstopVaultTest {
    private static final long VAULT_SEED = Amounts.micros(100_000);

    private static Fixture fixture(LiquidationPolicy policy, List<LossAbsorber> waterfall, String insurance, long vaultSeed,
                                   int markets) {
        var specs = markets == 1 ? List.of(Fixture.btc(0).build()) : List.of(Fixture.btc(0).build(), Fixture.btc(1).build());
        return new Fixture(ProtocolConfig.builder(specs).liquidation(policy).waterfall(waterfall)
                .insuranceFundSeed(Amounts.micros(insurance)).backstopVaultSeed(vaultSeed).build());
    }

    private static Fixture hyperliquid() {
        return fixture(BackstopVaultTakeover.hyperliquid(), List.of(new InsuranceFundAbsorber(), new BackstopVaultAbsorber()),
                "0", VAULT_SEED, 1);
    }

    private static int longTrader(Fixture f, int maker, String deposit) {
        int trader = f.open(deposit);
        f.trade(trader, maker, 0, 20_000, 1);
        return trader;
    }

    @Test
    void accountBetweenTwoThirdsAndMaintenanceGoesToTheBookAndKeepsTheRest() {
        Fixture f = hyperliquid();
        int maker = f.open("1000000");
        f.price(0, 20_000);
        int trader = longTrader(f, maker, "2000");
        assertTrue(f.p.submit(Tx.PlaceOrder.limit(maker, 0, Side.BUY, f.ticks(0, 18_800), f.lots(0, 1))).ok());
        f.price(0, 18_900);
        f.nextBlock(1);
        // Sold to the book at 18,800 with no fee: the trader keeps 800; the vault is not involved.
        assertEquals(0, f.p.accounts().size(trader, 0));
        assertEquals(Amounts.micros(800), f.balance(trader));
        assertEquals(VAULT_SEED, f.balance(f.p.vaultAccount()));
        assertFalse(f.p.accounts().hasPositions(f.p.vaultAccount()));
        assertEquals(BackstopVaultTakeover.BOOK, f.log.of(ProtocolEvent.Liquidation.class).get(0).policy());
        assertEquals(0, f.log.of(ProtocolEvent.PositionTransfer.class).size());
        f.assertInvariants();
    }

    @Test
    void accountBetweenTwoThirdsAndMaintenanceWaitsForTheBookWhenItIsEmpty() {
        Fixture f = hyperliquid();
        int maker = f.open("1000000");
        f.price(0, 20_000);
        int trader = longTrader(f, maker, "2000");
        f.price(0, 18_900);
        f.nextBlock(1);
        assertEquals(f.lots(0, 1), f.p.accounts().size(trader, 0), "above ⅔ MM there is no backstop");
        assertFalse(f.p.accounts().hasPositions(f.p.vaultAccount()));
        f.price(0, 18_600);
        f.nextBlock(1);
        assertEquals(0, f.p.accounts().size(trader, 0), "below ⅔ MM the vault takes over");
        f.assertInvariants();
    }

    @Test
    void belowTwoThirdsWithAnEmptyBookTheVaultTakesPositionAndMarginAndUnwindsNextBlock() {
        Fixture f = hyperliquid();
        int vault = f.p.vaultAccount();
        int maker = f.open("1000000");
        f.price(0, 20_000);
        int trader = longTrader(f, maker, "2000");
        f.price(0, 18_600);
        long priceEvent = f.p.lastEventId();
        f.nextBlock(1);
        // The vault pays 18,600 for the position; the trader's remaining 600 follows: the trader's equity is 0.
        assertEquals(0, f.balance(trader));
        assertFalse(f.p.accounts().hasPositions(trader));
        assertEquals(f.lots(0, 1), f.p.accounts().size(vault, 0));
        assertEquals(VAULT_SEED - Amounts.micros(18_600) + Amounts.micros(600), f.balance(vault));
        // The book is tried first, but with nothing bid within the limit that attempt could fill nothing and leaves
        // no event: the takeover is the only liquidation.
        List<ProtocolEvent.Liquidation> liqs = f.log.of(ProtocolEvent.Liquidation.class);
        assertEquals(1, liqs.size(), liqs.toString());
        ProtocolEvent.Liquidation takeover = liqs.get(0);
        assertEquals(BackstopVaultTakeover.TAKEOVER, takeover.policy());
        assertEquals(priceEvent, takeover.causeId());
        ProtocolEvent.PositionTransfer moved = f.log.of(ProtocolEvent.PositionTransfer.class).get(0);
        assertEquals("vault-takeover", moved.kind());
        assertEquals(f.ticks(0, 18_600), moved.price());
        assertEquals(takeover.id(), moved.causeId());
        ProtocolEvent.LiquidationSettled settled = f.log.of(ProtocolEvent.LiquidationSettled.class).get(0);
        assertEquals(takeover.id(), settled.causeId());
        assertEquals(Amounts.micros(18_600), settled.notional());
        assertEquals(Amounts.micros(600), settled.penalty(), "the maintenance margin is not returned");
        f.assertInvariants();

        // Next block the vault sells into a bid at 18,500, inside its 1% unwind bound (≥ 18,414): it made 600 − 100.
        assertTrue(f.p.submit(Tx.PlaceOrder.limit(maker, 0, Side.BUY, f.ticks(0, 18_500), f.lots(0, 2))).ok());
        f.nextBlock(1);
        assertFalse(f.p.accounts().hasPositions(vault));
        assertEquals(VAULT_SEED + Amounts.micros(500), f.balance(vault));
        ProtocolEvent.Fill unwind = f.log.of(ProtocolEvent.Fill.class).get(1);
        assertEquals(vault, unwind.takerAccount());
        assertEquals(takeover.id(), unwind.causeId());
        f.assertInvariants();
    }

    @Test
    void exactlyTwoThirdsOfMaintenanceIsNotBelowItButOneMicroLessIs() {
        Fixture f = hyperliquid();
        int maker = f.open("1000000");
        f.price(0, 20_000);
        int atThreshold = longTrader(f, maker, "2020"); // value at 18,600: 620 = ⅔ × 930
        int below = longTrader(f, maker, "2019.999999"); // 619.999999
        f.price(0, 18_600);
        f.nextBlock(1);
        assertEquals(f.lots(0, 1), f.p.accounts().size(atThreshold, 0));
        assertEquals(0, f.p.accounts().size(below, 0));
        assertEquals(f.lots(0, 1), f.p.accounts().size(f.p.vaultAccount(), 0));
        f.assertInvariants();
    }

    /** A threshold in ppm (as presets give it) and an account $13M under water: the comparison must not overflow. */
    @Test
    void aPpmThresholdComparesLargeAccountsWithoutOverflow() {
        BackstopVaultTakeover ppm = new BackstopVaultTakeover(666_667, 1_000_000, 100_000, PenaltySplit.NONE, 10_000,
                Long.MAX_VALUE, true);
        Fixture f = fixture(ppm, List.of(new InsuranceFundAbsorber(), new BackstopVaultAbsorber()), "0", VAULT_SEED, 1);
        int maker = f.open("100000000");
        f.price(0, 20_000);
        int whale = f.open("2000000");
        f.trade(whale, maker, 0, 20_000, 1_000); // long 1,000 BTC with $2M: cash −$18M
        f.price(0, 5_000);                        // value −$13M: value × 10⁶ is beyond a long
        f.nextBlock(1);
        assertEquals(0, f.p.accounts().size(whale, 0), "far below ⅔ MM the vault takes over");
        assertEquals(f.lots(0, 1_000), f.p.accounts().size(f.p.vaultAccount(), 0));
        f.assertInvariants();
    }

    @Test
    void isolatedAccountLosesOnlyThatPositionAndItsMargin() {
        Fixture f = hyperliquid();
        int vault = f.p.vaultAccount();
        int maker = f.open("1000000");
        f.price(0, 20_000);
        int cross = f.open("5000");
        f.trade(cross, maker, 0, 20_000, 0.1);
        int isolated = f.openIsolated(0, "2000");
        f.trade(isolated, maker, 0, 20_000, 1);
        assertEquals(f.p.accounts().owner(cross), f.p.accounts().owner(isolated));
        long crossCash = f.balance(cross);
        f.price(0, 18_600);
        f.nextBlock(1);
        assertEquals(0, f.balance(isolated));
        assertFalse(f.p.accounts().hasPositions(isolated));
        assertEquals(f.lots(0, 1), f.p.accounts().size(vault, 0), "only the isolated position moved");
        assertEquals(f.lots(0, 0.1), f.p.accounts().size(cross, 0));
        assertEquals(crossCash, f.balance(cross));
        f.assertInvariants();
    }

    @Test
    void vaultCapLeavesTheAccountWithTheBook() {
        BackstopVaultTakeover capped = new BackstopVaultTakeover(2, 3, 100_000, PenaltySplit.NONE, 10_000,
                Amounts.micros(10_000), true);
        Fixture f = fixture(capped, List.of(new InsuranceFundAbsorber()), "0", VAULT_SEED, 1);
        int maker = f.open("1000000");
        f.price(0, 20_000);
        int trader = longTrader(f, maker, "2000");
        f.price(0, 18_600);
        f.nextBlock(1);
        assertEquals(f.lots(0, 1), f.p.accounts().size(trader, 0), "18,600 would exceed the vault's 10,000 cap");
        f.p.parameters().set("vault_takeover.max_vault_notional_micros", Amounts.micros(18_600), "governance", 0);
        f.nextBlock(1);
        assertEquals(0, f.p.accounts().size(trader, 0));
        f.assertInvariants();
    }

    @Test
    void vaultBelowTwoThirdsOfItsOwnMaintenanceIsNotTakenOverByItself() {
        BackstopVaultTakeover holding = new BackstopVaultTakeover(2, 3, 100_000, PenaltySplit.NONE, 0, Long.MAX_VALUE, true);
        Fixture f = fixture(holding, List.of(new InsuranceFundAbsorber()), "0", Amounts.micros(1_000), 1);
        int vault = f.p.vaultAccount();
        int maker = f.open("1000000");
        f.price(0, 20_000);
        longTrader(f, maker, "2000");
        f.price(0, 18_600);
        f.nextBlock(1);
        assertEquals(f.lots(0, 1), f.p.accounts().size(vault, 0));
        f.price(0, 17_400); // the vault: −17,000 + 17,400 = 400 < ⅔ × 870
        f.nextBlock(1);
        assertTrue(f.p.risk().isLiquidatable(vault));
        assertEquals(f.lots(0, 1), f.p.accounts().size(vault, 0), "held: unwinding is off and it is not liquidated");
        assertTrue(f.log.of(ProtocolEvent.Liquidation.class).stream().noneMatch(l -> l.account() == vault));
        f.assertInvariants();
    }

    @Test
    void bankruptAccountsLossLandsOnTheVaultThroughTheAbsorber() {
        Fixture f = hyperliquid();
        int vault = f.p.vaultAccount();
        int maker = f.open("1000000");
        f.price(0, 20_000);
        int trader = longTrader(f, maker, "2000");
        f.price(0, 17_500); // gap: value −500
        f.nextBlock(1);
        // The vault takes the position at 17,500; the account is left at −500, which the vault then pays.
        assertEquals(0, f.balance(trader));
        assertEquals(f.lots(0, 1), f.p.accounts().size(vault, 0));
        assertEquals(VAULT_SEED - Amounts.micros(17_500) - Amounts.micros(500), f.balance(vault));
        ProtocolEvent.LossAbsorbed share = f.log.of(ProtocolEvent.LossAbsorbed.class).get(0);
        assertEquals("backstop-vault", share.absorber());
        assertEquals(Amounts.micros(500), share.amount());
        f.assertInvariants();
    }

    @Test
    void vaultPaysTheDeficitLeftOnceTheInsuranceFundIsEmpty() {
        Fixture f = fixture(FullCloseLiquidation.standard(), List.of(new InsuranceFundAbsorber(), new BackstopVaultAbsorber()),
                "100", Amounts.micros(10_000), 1);
        int maker = f.open("1000000");
        f.price(0, 20_000);
        int trader = longTrader(f, maker, "2000");
        assertTrue(f.p.submit(Tx.PlaceOrder.limit(maker, 0, Side.BUY, f.ticks(0, 17_700), f.lots(0, 1))).ok());
        f.price(0, 18_000);
        f.nextBlock(1);
        // Sold at 17,700: −300. The fund pays its 100, the vault the other 200.
        assertEquals(0, f.balance(trader));
        List<ProtocolEvent.LossAbsorbed> shares = f.log.of(ProtocolEvent.LossAbsorbed.class);
        assertEquals(2, shares.size());
        assertEquals("insurance-fund", shares.get(0).absorber());
        assertEquals(Amounts.micros(100), shares.get(0).amount());
        assertEquals("backstop-vault", shares.get(1).absorber());
        assertEquals(Amounts.micros(200), shares.get(1).amount());
        assertEquals(Amounts.micros(9_800), f.balance(f.p.vaultAccount()));
        f.assertInvariants();
    }

    @Test
    void vaultPaysOnlyItsFreeCollateralAndStaysAtItsInitialMargin() {
        Fixture f = fixture(FullCloseLiquidation.standard(), List.of(new InsuranceFundAbsorber(), new BackstopVaultAbsorber()),
                "0", Amounts.micros(3_000), 2);
        int vault = f.p.vaultAccount();
        int maker = f.open("1000000");
        f.price(0, 20_000);
        f.price(1, 20_000);
        f.p.context().transferPosition(maker, vault, 1, f.lots(1, 1), f.ticks(1, 20_000), "test", 0);
        // The vault: value 3,000, IMR 2,000 → free collateral 1,000.
        assertEquals(Amounts.micros(1_000), new BackstopVaultAbsorber().capacity(f.p.context(), 0));
        int trader = longTrader(f, maker, "2000");
        assertTrue(f.p.submit(Tx.PlaceOrder.limit(maker, 0, Side.BUY, f.ticks(0, 16_500), f.lots(0, 1))).ok());
        f.price(0, 18_000);
        f.nextBlock(1);
        // Sold at 16,500: −1,500. The vault pays 1,000; 500 is uncovered; the vault sits exactly at its IMR.
        List<ProtocolEvent.LossAbsorbed> shares = f.log.of(ProtocolEvent.LossAbsorbed.class);
        assertEquals("backstop-vault", shares.get(0).absorber());
        assertEquals(Amounts.micros(1_000), shares.get(0).amount());
        assertEquals("uncovered", shares.get(1).absorber());
        assertEquals(Amounts.micros(500), shares.get(1).amount());
        assertEquals(0, f.balance(trader));
        assertEquals(f.p.risk(vault).initialRequirement(), f.p.risk(vault).value());
        f.assertInvariants();
    }
}
