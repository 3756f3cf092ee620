package backstop.protocol;

import backstop.protocol.breaker.LiquidationPauseBand;
import backstop.protocol.breaker.LiquidationVolumeThrottle;
import backstop.protocol.breaker.OpenInterestCapBreaker;
import backstop.protocol.breaker.OracleGuard;
import backstop.protocol.breaker.OracleStalenessGuard;
import backstop.protocol.breaker.PriceBandBreaker;
import backstop.protocol.breaker.PriceDropTrip;
import backstop.protocol.breaker.StressIndex;
import backstop.protocol.breaker.StressIndexBreaker;
import backstop.protocol.breaker.WithdrawalGate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Invalid breaker settings fail at construction, naming the argument and the value. */
class BreakerArgumentsTest {

    private static void refused(String argument, String value, Executable construction) {
        String message = assertThrows(IllegalArgumentException.class, construction).getMessage();
        assertTrue(message.startsWith(argument + ":") && message.endsWith("got " + value), message);
    }

    @Test
    void invalidSettingsAreRefusedWithTheArgumentAndValue() {
        refused("softLimitsPpm", "[70000, 70000]", () -> new PriceBandBreaker(new long[] {70_000, 70_000}, 120, 200_000, 86_400));
        refused("hardLimitPpm", "130000", () -> new PriceBandBreaker(new long[] {70_000, 130_000}, 120, 130_000, 86_400));
        refused("softHaltSeconds", "100", () -> new PriceBandBreaker(new long[] {70_000}, 100, 200_000, 60));
        refused("alphaPpm", "0", () -> new OracleGuard(0, 10_000, 100_000, 0, new long[] {60}, 3_600));
        refused("haltLadderSeconds[1]", "-1", () -> new OracleGuard(1, 10_000, 100_000, 0, new long[] {60, -1}, 3_600));
        refused("heartbeatSeconds", "0", () -> new OracleStalenessGuard(0, 60));
        refused("graceSeconds", "-5", () -> new OracleStalenessGuard(3_600, -5));
        refused("bandPpm", "0", () -> new LiquidationPauseBand(0, 300));
        refused("lookbackSeconds", "0", () -> new OpenInterestCapBreaker(100_000, 0, 1_000_000));
        refused("maxNotional", "0", () -> new LiquidationVolumeThrottle(0, 3_600));
        refused("gateBlocks", "-1", () -> new WithdrawalGate(-1, List.of()));
        refused("tvlPpm", "2000000", () -> new WithdrawalGate.Limiter(3_600, 2_000_000, 0));
        refused("drawdownScalePpm", "-1", () -> new StressIndex(3_600, 0, 0, -1));
        refused("hardPpm", "500000", () -> new StressIndexBreaker(new StressIndex(3_600, 1, 1, 1), 500_000, 500_000, 0, 1));
        refused("tolerancePpm", "1000000", () -> new PriceDropTrip(1_000_000, 60));
    }

    @Test
    void governanceMayRetuneABreakerMidRun() {
        LiquidationVolumeThrottle throttle = new LiquidationVolumeThrottle(1_000_000_000_000L, 3_600);
        Fixture f = new Fixture(ProtocolConfig.builder(List.of(Fixture.btc(0).build()))
                .breakers(List.of(throttle, PriceBandBreaker.cmeBitcoin())).build());
        f.price(0, 20_000);
        assertTrue(f.p.context().liquidationAllowed(0));
        f.p.parameters().set("breaker.liquidation_volume_throttle.max_notional", 0, "governance", 0); // clamped to 1
        assertEquals(1, f.p.parameters().get("breaker.liquidation_volume_throttle.max_notional").value());
        assertTrue(f.p.context().liquidationAllowed(0), "nothing liquidated yet: 0 < 1");
        f.p.parameters().set("breaker.price_band.hard_limit_ppm", 100_000, "governance", 0); // clamped above 13%
        assertEquals(130_001, f.p.parameters().get("breaker.price_band.hard_limit_ppm").value());
        f.price(0, 22_600.1); // +13.0005% ≥ 13.0001%: the hard limit now
        assertTrue(f.p.market(0).halted());
        f.nextBlock(3_600);
        assertTrue(f.p.market(0).halted(), "halted for the rest of the session");
        assertEquals(0, f.p.ledger().total());
    }
}
