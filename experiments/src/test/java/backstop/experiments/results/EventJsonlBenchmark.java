package backstop.experiments.results;

import backstop.experiments.design.Presets;
import backstop.experiments.run.WorldRun;
import backstop.experiments.scenario.Scenarios;
import backstop.protocol.event.ProtocolEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * What writing one run's events costs: the default run's 328,209 events (black-thursday-2020, design none,
 * seed 1), held in memory, written to a file the way the results writer did before (a Jackson tree per event,
 * plain text) and the way it does now (one streaming generator; plain, gzip at the full level, and the losses
 * level). One operation writes every event; each iteration is one operation, whose wall time JMH reports, and
 * {@code :cpuMillis} the writing thread's CPU time summed over the measured iterations (divide by {@code -i}),
 * since on a shared machine CPU time is the steadier of the two. Run with
 * {@code ./bench experiments EventJsonlBenchmark -f 1 -wi 3 -i 10}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class EventJsonlBenchmark {
    /** CPU milliseconds of the writing thread in the iteration's one operation. */
    @AuxCounters(AuxCounters.Type.EVENTS)
    @State(Scope.Thread)
    public static class Cpu {
        public double cpuMillis;

        @Setup(Level.Iteration)
        public void reset() {
            cpuMillis = 0;
        }

        void add(long startNanos) {
            cpuMillis += (THREADS.getCurrentThreadCpuTime() - startNanos) / 1e6;
        }
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private final List<ProtocolEvent> events = new ArrayList<>();
    private final ObjectMapper mapper = Json.mapper();
    private Path dir;

    @Setup
    public void run() throws IOException {
        WorldRun.run(Scenarios.load("black-thursday-2020", List.of()), Presets.load("none"), 1, events::add);
        dir = Files.createTempDirectory("event-bench");
    }

    @TearDown
    public void clean() throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** The writer before: valueToTree, setAll and writeValueAsString per event, into a buffered text file. */
    @Benchmark
    public long treePerEventPlain(Cpu cpu) throws IOException {
        long start = THREADS.getCurrentThreadCpuTime();
        Path file = dir.resolve("tree.jsonl");
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (ProtocolEvent e : events) {
                ObjectNode node = mapper.createObjectNode();
                node.put("type", e.type());
                node.setAll((ObjectNode) mapper.valueToTree(e));
                out.write(mapper.writeValueAsString(node));
                out.write('\n');
            }
        }
        cpu.add(start);
        return Files.size(file);
    }

    @Benchmark
    public long streamingPlain(Cpu cpu) throws IOException {
        return write(cpu, dir.resolve("plain").resolve(backstop.analysis.EventFiles.PLAIN), EventLevel.FULL);
    }

    @Benchmark
    public long streamingGzipFull(Cpu cpu) throws IOException {
        return write(cpu, dir.resolve("full").resolve(EventJsonl.FILE), EventLevel.FULL);
    }

    @Benchmark
    public long streamingGzipLosses(Cpu cpu) throws IOException {
        return write(cpu, dir.resolve("losses").resolve(EventJsonl.FILE), EventLevel.LOSSES);
    }

    private long write(Cpu cpu, Path file, EventLevel level) throws IOException {
        long start = THREADS.getCurrentThreadCpuTime();
        try (EventJsonl out = new EventJsonl(file, level)) {
            events.forEach(out::accept);
        }
        cpu.add(start);
        return Files.size(file);
    }
}
