package backstop.protocol.metric;

import backstop.protocol.metric.Metric.Group;
import backstop.protocol.metric.Metric.Unit;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Meters read into summary order; nothing declared goes missing, nothing undeclared gets in, no name twice. */
class MetersTest {
    private static final Metric LOSS = Metric.perMarket("loss", Group.LOSSES, Unit.QUOTE, "a loss");
    private static final Metric RUNS = Metric.of("runs", Group.RUN, Unit.COUNT, "a count");
    private static final Metric SHARE = Metric.perMarket("share", Group.MARKET, Unit.FRACTION, "a share");

    private static Meter meter(List<Metric> declared, BiConsumer<Integer, Readings> read) {
        return new Meter() {
            @Override
            public List<Metric> metrics() {
                return declared;
            }

            @Override
            public void read(int scope, Readings out) {
                read.accept(scope, out);
            }
        };
    }

    @Test
    void readsInDeclarationOrderWithAmountsInQuoteUnits() {
        Meters m = new Meters(List.of(
                meter(List.of(LOSS, RUNS), (scope, out) -> {
                    out.put(LOSS, scope == Meter.RUN ? 2_500_000L : 1_000_000L);
                    if (scope == Meter.RUN) {
                        out.put(RUNS, 3);
                    }
                }),
                meter(List.of(SHARE), (scope, out) -> {
                    if (scope != Meter.VAULT) {
                        out.put(SHARE, 0.25);
                    }
                })));
        assertEquals(Map.of("loss", 2.5, "runs", 3L, "share", 0.25), m.summary());
        assertEquals(List.of("loss", "runs", "share"), List.copyOf(m.summary().keySet()));
        assertEquals(List.of("loss", "share"), List.copyOf(m.market(0).keySet()));
        assertEquals(1.0, m.market(0).get("loss"));
        Object vaultShare = m.market(Meter.VAULT).get("share");
        assertTrue(vaultShare instanceof Double d && d.isNaN(), "a fraction the vault has no part in reads NaN");
    }

    @Test
    void aDeclaredMetricThatIsNotReportedFails() {
        Meters m = new Meters(List.of(meter(List.of(LOSS, RUNS), (scope, out) -> out.put(LOSS, 1L))));
        assertEquals("metric runs was declared but not reported",
                assertThrows(IllegalStateException.class, m::summary).getMessage());
    }

    @Test
    void anUndeclaredMetricOrAWrongKindOfValueIsRefused() {
        Meters undeclared = new Meters(List.of(meter(List.of(LOSS), (scope, out) -> out.put(RUNS, 1L))));
        assertEquals("metric runs is not declared by the meter that reports it",
                assertThrows(IllegalArgumentException.class, undeclared::summary).getMessage());
        Meters wrong = new Meters(List.of(meter(List.of(RUNS), (scope, out) -> out.put(RUNS, 0.5))));
        assertEquals("runs is a count, not 0.5", assertThrows(IllegalArgumentException.class, wrong::summary).getMessage());
        Meters twice = new Meters(List.of(meter(List.of(RUNS), (scope, out) -> out.put(RUNS, 1L).put(RUNS, 2L))));
        assertEquals("metric runs reported twice", assertThrows(IllegalStateException.class, twice::summary).getMessage());
    }

    @Test
    void twoMetersMayNotReportOneName() {
        Meter a = meter(List.of(RUNS), (s, o) -> { });
        assertEquals("two meters report runs",
                assertThrows(IllegalArgumentException.class, () -> new Meters(List.of(a, a))).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Metric.of("Not-Snake", Group.RUN, Unit.COUNT, "x"));
        assertThrows(IllegalArgumentException.class, () -> Metric.of("ok", Group.RUN, Unit.COUNT, " "));
    }
}
