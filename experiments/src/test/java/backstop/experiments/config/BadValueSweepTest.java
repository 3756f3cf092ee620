package backstop.experiments.config;

import backstop.experiments.cli.Main;
import backstop.experiments.design.Presets;
import backstop.experiments.scenario.Scenarios;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every numeric key of library scenarios and presets set to each of a few hostile values, through
 * {@code backstop run}: each run either runs (exit 0) or is refused as bad input (exit 2, a message naming the
 * key, no folder) — never a crash with a stack trace (exit 1), which is what the constructor checks that
 * validation runs (ScenarioSpec, DesignSpec, AgentFactory.check) are there to prevent.
 */
class BadValueSweepTest {
    private static final List<String> HOSTILE = List.of("-1", "0", "1e300", "-1e300", ".nan");

    @Test
    void everyNumericKeyTakesHostileValuesWithoutACrash(@TempDir Path tmp) {
        List<String[]> cases = new ArrayList<>();
        for (String scenario : List.of("calm", "mango-2022")) {
            for (String path : numericLeaves(Scenarios.resolved(scenario), "")) {
                cases.add(new String[]{scenario, "dydx-v4", path});
            }
        }
        for (String preset : List.of("dydx-v4", "hyperliquid", "maker-liq2", "binance", "drift")) {
            for (String path : numericLeaves(ConfigBinder.mapper().valueToTree(Presets.load(preset)), "design.")) {
                cases.add(new String[]{"calm", preset, path});
            }
        }
        assertTrue(cases.size() > 150, "cases: " + cases.size());
        List<String> crashes = new ArrayList<>();
        int refused = 0;
        int n = 0;
        for (String[] c : cases) {
            for (String value : HOSTILE) {
                Path out = tmp.resolve("run" + n++);
                String set = c[2] + "=" + value;
                ByteArrayOutputStream err = new ByteArrayOutputStream();
                int code = quietly(err, () -> Main.execute("run", c[0], "--preset", c[1], "--set", "duration_seconds=5",
                        "--set", set, "--out", out.toString()));
                String message = err.toString();
                if (code == 2) {
                    refused++;
                    if (Files.exists(out) || message.isBlank()) {
                        crashes.add(c[0] + "/" + c[1] + " " + set + ": refused without a message, or left a folder");
                    }
                } else if (code != 0 || message.contains("\tat ")) {
                    crashes.add(c[0] + "/" + c[1] + " " + set + " -> exit " + code + ": " + message.lines().findFirst().orElse(""));
                }
            }
        }
        assertEquals(List.of(), crashes);
        assertTrue(refused > cases.size(), "most hostile values are refused: " + refused + " of " + 5 * cases.size());
    }

    private static List<String> numericLeaves(JsonNode node, String prefix) {
        List<String> out = new ArrayList<>();
        walk(node, prefix.isEmpty() ? "" : prefix.substring(0, prefix.length() - 1), out);
        return out;
    }

    private static void walk(JsonNode node, String path, List<String> out) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                walk(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey(), out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), path + "[" + i + "]", out);
            }
        } else if (node.isNumber()) {
            out.add(path);
        }
    }

    private static int quietly(ByteArrayOutputStream err, java.util.function.IntSupplier run) {
        PrintStream oldErr = System.err;
        PrintStream oldOut = System.out;
        System.setErr(new PrintStream(err, true));
        System.setOut(new PrintStream(OutputStream.nullOutputStream()));
        try {
            return run.getAsInt();
        } finally {
            System.setErr(oldErr);
            System.setOut(oldOut);
        }
    }
}
