package backstop.experiments.scenario;

import backstop.experiments.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A scenario that extends another with a partial list entry gets a named error and the reason: lists replace. */
class ExtendsListHintTest {
    @Test
    void aPartialMarketEntryIsNamedAndTheListRuleExplained(@TempDir Path tmp) throws Exception {
        Path file = Files.writeString(tmp.resolve("mine.yaml"), "extends: calm\nname: mine\nmarkets:\n  - {symbol: BTC-USD}\n");
        ConfigException e = assertThrows(ConfigException.class, () -> Scenarios.load(file.toString(), List.of()));
        assertTrue(e.problems().get(0).contains("markets[0]: initial_price"), e.problems().toString());
        String note = e.problems().get(e.problems().size() - 1);
        assertTrue(note.startsWith("note: under extends, a list replaces the base's list whole"), note);
        assertTrue(note.contains("[markets]"), note);
        // Without extends there is no base whose list was replaced: no note.
        Path plain = Files.writeString(tmp.resolve("plain.yaml"), "name: p\nmarkets:\n  - {symbol: BTC-USD}\n");
        ConfigException p = assertThrows(ConfigException.class, () -> Scenarios.load(plain.toString(), List.of()));
        assertEquals(0, p.problems().stream().filter(x -> x.startsWith("note:")).count(), p.problems().toString());
    }
}
