package backstop.experiments.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A single run's progress line: blocks, simulated hours, ETA from the pace so far, redrawn at most twice a second. */
class RunProgressTest {
    @Test
    void theLineShowsBlocksSimulatedTimeAndEta() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        long[] clock = {0};
        RunProgress p = new RunProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), 7_200, 12, () -> clock[0]);
        // 1,200 of 7,200 twelve-second blocks in 2 s: 4 of 24 simulated hours, 10 s to go.
        assertEquals("block 1,200/7,200 · 4.0 of 24.0 simulated hours · ETA 10 s", p.line(1_200, 2.0));
        p.block(1);
        clock[0] = 100_000_000L;      // 0.1 s later: not redrawn
        p.block(2);
        clock[0] = 600_000_000L;      // 0.6 s: redrawn
        p.block(3);
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(2, out.split("\r", -1).length - 1, out);
        assertTrue(out.contains("block 3/7,200"), out);
    }
}
