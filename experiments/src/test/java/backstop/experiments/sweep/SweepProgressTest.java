package backstop.experiments.sweep;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SweepProgressTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    private final AtomicLong clock = new AtomicLong();

    @Test
    void withoutATerminalEachRunIsOneLineWithTheEtaFromThePaceSoFar() {
        Progress p = new Progress(out, false, 5, 1, clock::get);
        clock.set(20_000_000_000L);
        p.finished("a-p0-s1", null);
        clock.set(30_000_000_000L);
        p.finished("a-p0-s2", "boom");
        p.close();
        // 20 s for one run, three left: 60 s; then 15 s a run, two left: 30 s (the failure shows no ETA).
        assertEquals(List.of("resume: 1 of 5 runs already complete", "run 2/5 done: a-p0-s1 (ETA 1m00s)",
                "run 3/5 FAILED: a-p0-s2: boom"), bytes.toString(StandardCharsets.UTF_8).lines().toList());
    }

    @Test
    void onATerminalOneLineIsRedrawnWithABar() {
        Progress p = new Progress(out, true, 4, 0, clock::get);
        clock.set(10_000_000_000L);
        p.finished("a-p0-s1", null);
        p.finished("a-p0-s2", null);
        p.close();
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\r[------------------------------] 0/4 runs  ETA ?"), text);
        assertTrue(text.contains("\r[#######-----------------------] 1/4 runs  ETA 30s"), text);
        assertTrue(text.contains("\r[###############---------------] 2/4 runs  ETA 10s"), text);
        assertEquals(1, text.chars().filter(c -> c == '\n').count(), "one line, redrawn in place");
        assertTrue(text.endsWith("\n"));
    }

    @Test
    void durationsReadAsSecondsMinutesOrHours() {
        assertEquals("45s", Progress.duration(45));
        assertEquals("1m20s", Progress.duration(80));
        assertEquals("2h03m", Progress.duration(7380));
    }
}
