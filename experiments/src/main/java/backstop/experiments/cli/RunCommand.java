package backstop.experiments.cli;

import backstop.experiments.crash.CrashResult;
import backstop.experiments.crash.CrashSpec;
import backstop.experiments.crash.ScriptedCrash;
import backstop.experiments.results.AtomicFiles;
import backstop.experiments.results.EventJsonl;
import backstop.experiments.results.Json;
import backstop.protocol.ProtocolConfig;
import backstop.protocol.money.Amounts;
import com.fasterxml.jackson.databind.ObjectMapper;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code backstop run}: runs the default scenario end to end, prints a summary and writes a run folder. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run the default scenario (a scripted 30%% crash on the protocol core) and write a run folder.")
final class RunCommand implements Callable<Integer> {
    @Spec
    CommandSpec command;

    @Option(names = "--seed", description = "Run seed (default: ${DEFAULT-VALUE}).", defaultValue = "1")
    long seed;

    @Option(names = "--out", description = "Run folder (default: results/scripted-crash-seed<SEED>).")
    Path out;

    @Option(names = "--traders", description = "Leveraged trader accounts (default: ${DEFAULT-VALUE}).", defaultValue = "1000")
    int traders;

    @Override
    public Integer call() throws Exception {
        if (traders < 1) {
            throw new ParameterException(command.commandLine(), "--traders: must be ≥ 1, got " + traders);
        }
        CrashSpec base = CrashSpec.standard(seed);
        CrashSpec spec = new CrashSpec(seed, traders, base.maxLeverage(), base.makerCapital(), base.bookLevels(),
                base.levelSizeBase(), base.startPrice(), base.calmBlocks(), base.crashBlocks(), base.blocks(),
                base.drawdown(), base.noise(), base.entryBlocks(), base.blockSeconds(), base.initialMarginPpm(),
                base.maintenanceMarginPpm());
        Path dir = out != null ? out : Path.of("results", "scripted-crash-seed" + seed);
        ObjectMapper json = Json.mapper();
        long started = System.nanoTime();
        CrashResult result;
        try (EventJsonl events = new EventJsonl(dir.resolve("events.jsonl"), json)) {
            result = new ScriptedCrash(spec).run(m -> ProtocolConfig.builder(m).insuranceFundSeed(Amounts.micros(10_000)).build(), events);
        }
        double wall = (System.nanoTime() - started) / 1e9;
        Map<String, Object> summary = new LinkedHashMap<>(result.summary());
        summary.put("wall_seconds", wall);
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("scenario", "scripted-crash");
        manifest.put("seed", seed);
        manifest.put("spec", spec);
        manifest.put("version", RunCommand.class.getPackage().getImplementationVersion());
        manifest.put("wall_seconds", wall);
        AtomicFiles.write(dir.resolve("summary.json"), json.writerWithDefaultPrettyPrinter().writeValueAsBytes(summary));
        AtomicFiles.write(dir.resolve("manifest.json"), json.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
        printTable(summary);
        System.out.println("results: " + dir.toAbsolutePath().normalize());
        return 0;
    }

    private static void printTable(Map<String, Object> summary) {
        int width = summary.keySet().stream().mapToInt(String::length).max().orElse(10);
        for (Map.Entry<String, Object> e : summary.entrySet()) {
            Object v = e.getValue();
            String text = v instanceof Double d ? String.format(java.util.Locale.ROOT, "%,.4f", d) : String.valueOf(v);
            System.out.printf("%-" + width + "s  %s%n", e.getKey(), text);
        }
    }
}
