package backstop.experiments.results;

import backstop.analysis.EventFiles;
import backstop.experiments.config.ConfigException;
import backstop.protocol.book.Side;
import backstop.protocol.event.AbsorberKind;
import backstop.protocol.event.ProtocolEvent;
import backstop.protocol.tx.TxResult;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The events file: the streaming writer against the tree-per-event writer it replaced, gzip, and the levels. */
class EventJsonlTest {
    /** One event of every type, with the awkward values: negative, NaN and infinite numbers, quotes in text. */
    static final List<ProtocolEvent> ONE_OF_EACH = List.of(
            new ProtocolEvent.AccountOpened(1, 0, 0, 3, 3, -1, 2),
            new ProtocolEvent.Transfer(2, 0, 0, ProtocolEvent.Transfer.Kind.DEPOSIT, -1, 3, 2_000_000_000_000L),
            new ProtocolEvent.Transfer(3, 9, 4, ProtocolEvent.Transfer.Kind.INTERNAL, 3, 7, 12),
            new ProtocolEvent.OraclePrice(4, 0, 1, 0, 19_400),
            new ProtocolEvent.OraclePrice(5, 9, 5, 0, 19_300),
            new ProtocolEvent.Fill(6, 0, 2, 0, 19_409, 72_360, Side.BUY, 12, 0, 101, 403, -1_404_435, 7_022_177, false),
            new ProtocolEvent.Fill(7, 9, 4, 0, 19_401, -5, Side.SELL, 13, 1, 102, 3, 0, 0, true),
            new ProtocolEvent.PositionTransfer(8, 9, 4, 0, 3, 7, -10, 19_400, "vault-takeover"),
            new ProtocolEvent.OrderRemoved(9, 0, 4, 0, 55, 3, 10, "SELF_TRADE"),
            new ProtocolEvent.TxRejected(10, 0, 4, 3, "PlaceOrder", TxResult.values()[TxResult.values().length - 1]),
            new ProtocolEvent.FundingPaid(11, 0, 8, 0, -125, 19_400, 5_000, 1),
            new ProtocolEvent.Liquidation(12, 4, 4, 3, 0, -10, -1, true, "throttled", 0.9375),
            new ProtocolEvent.Liquidation(13, 12, 4, 4, 0, 10, 5, false, "dutch-auction", Double.NaN),
            new ProtocolEvent.Liquidation(14, 12, 4, 4, 0, 10, 5, false, "reset", Double.POSITIVE_INFINITY),
            new ProtocolEvent.LiquidationSettled(15, 12, 4, 3, 0, 10, 194_000_000, 1_940_000, 0),
            new ProtocolEvent.BadDebt(16, 15, 4, 3, 123_456),
            new ProtocolEvent.LossAbsorbed(17, 16, 4, "insurance-fund", AbsorberKind.values()[0], 100_000),
            new ProtocolEvent.ParameterChanged(18, 0, 6, "maintenance_margin", "0.03", "0.05", "gov \"quoted\""),
            new ProtocolEvent.InsuranceTopUp(19, 0, 6, 0, 5_000_000, "governance"),
            new ProtocolEvent.BreakerAdded(20, 0, 6, "price-band", "user"),
            new ProtocolEvent.Halt(21, 4, 7, -1, "price-band", true, "oracle moved 12% ∆"),
            new ProtocolEvent.AuctionBid(22, 13, 8, 13, 5, "tend", 50_000, 1, 9_945_396_635L, 8_836_000_000L, 1_200, 21_600),
            new ProtocolEvent.AuctionDealt(23, 13, 9, 13, 4, 5, 50_000, 1, 9_945_396_635L, 8_836_000_000L,
                    9_221_000_000L, 636));

    /** The writer this class replaced, kept as the oracle: a Jackson tree per event, {@code type} put first. */
    private static String treeLine(ObjectMapper mapper, ProtocolEvent event) throws IOException {
        ObjectNode node = mapper.createObjectNode();
        node.put("type", event.type());
        node.setAll((ObjectNode) mapper.valueToTree(event));
        return mapper.writeValueAsString(node) + "\n";
    }

    private static String read(Path file) throws IOException {
        try (InputStream in = EventFiles.open(file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void oneOfEveryTypeCoversEveryEventType() {
        Set<Class<?>> covered = ONE_OF_EACH.stream().map(Object::getClass).collect(Collectors.toSet());
        assertEquals(Set.of(ProtocolEvent.class.getPermittedSubclasses()), covered);
    }

    @Test
    void theStreamingWriterWritesTheBytesOfTheTreePerEventWriter(@TempDir Path tmp) throws IOException {
        StringBuilder expected = new StringBuilder();
        for (ProtocolEvent e : ONE_OF_EACH) {
            expected.append(treeLine(Json.mapper(), e));
        }
        for (String name : List.of("events.jsonl", "events.jsonl.gz")) {
            Path file = tmp.resolve(name);
            try (EventJsonl out = new EventJsonl(file, EventLevel.FULL)) {
                ONE_OF_EACH.forEach(out::accept);
                assertEquals(ONE_OF_EACH.size(), out.lines());
            }
            assertEquals(expected.toString(), read(file), name);
        }
        byte[] head = Arrays.copyOf(Files.readAllBytes(tmp.resolve("events.jsonl.gz")), 2);
        assertEquals("1f8b", String.format("%02x%02x", head[0], head[1]), "events.jsonl.gz is gzip");
        assertTrue(Files.readString(tmp.resolve("events.jsonl")).startsWith("{\"type\":\"account_opened\",\"id\":1,"));
    }

    @Test
    void theSameEventsGiveTheSameCompressedBytes(@TempDir Path tmp) throws IOException {
        for (String run : List.of("a", "b")) {
            try (EventJsonl out = EventJsonl.open(tmp.resolve(run), EventLevel.FULL)) {
                ONE_OF_EACH.forEach(out::accept);
            }
        }
        assertEquals(-1, Files.mismatch(tmp.resolve("a").resolve(EventJsonl.FILE), tmp.resolve("b").resolve(EventJsonl.FILE)));
    }

    @Test
    void lossesKeepsTheLossEventsAndNoneWritesNoFile(@TempDir Path tmp) throws IOException {
        try (EventJsonl out = EventJsonl.open(tmp.resolve("losses"), EventLevel.LOSSES)) {
            ONE_OF_EACH.forEach(out::accept);
        }
        List<Long> kept = read(tmp.resolve("losses").resolve(EventJsonl.FILE)).lines()
                .map(l -> Long.parseLong(l.replaceAll(".*?\"id\":(\\d+),.*", "$1"))).toList();
        // Dropped: the deposit (2), the exogenous price (4), the ordinary fill (6), the order removal (9), the
        // refused transaction (10) and funding (11).
        assertEquals(List.of(1L, 3L, 5L, 7L, 8L, 12L, 13L, 14L, 15L, 16L, 17L, 18L, 19L, 20L, 21L, 22L, 23L), kept);
        try (EventJsonl out = EventJsonl.open(tmp.resolve("none"), EventLevel.NONE)) {
            ONE_OF_EACH.forEach(out::accept);
            assertEquals(0, out.lines());
        }
        assertFalse(Files.exists(tmp.resolve("none")), "level none creates nothing");
    }

    @Test
    void everyEventTypeIsClassifiedForTheLossesLevel() {
        assertEquals(Set.of(ProtocolEvent.class.getPermittedSubclasses()), EventLevel.LOSS_EVENTS.keySet(),
                "a new event type must be listed in EventLevel.LOSS_EVENTS (kept, dropped, or kept when ...)");
    }

    @Test
    void aLevelIsNamedAsFilesAndTheCommandLineSpellIt() {
        assertEquals(List.of("none", "losses", "full"), Arrays.stream(EventLevel.values()).map(EventLevel::label).toList());
        assertEquals(EventLevel.LOSSES, EventLevel.parse("losses", "--events"));
        ConfigException e = assertThrows(ConfigException.class, () -> EventLevel.parse("all", "--events"));
        assertEquals("--events: 'all' is not an event level; use one of none, losses, full", e.getMessage());
    }

    @Test
    void aFileIsOnlyGivenItsNameWhenItIsClosed(@TempDir Path tmp) throws IOException {
        Path dir = tmp.resolve("run");
        try (EventJsonl out = EventJsonl.open(dir, EventLevel.FULL)) {
            out.accept(ONE_OF_EACH.get(0));
            assertFalse(Files.exists(dir.resolve(EventJsonl.FILE)));
            assertTrue(Files.exists(AtomicFiles.temporary(dir.resolve(EventJsonl.FILE))));
        }
        assertTrue(Files.exists(dir.resolve(EventJsonl.FILE)));
    }
}
