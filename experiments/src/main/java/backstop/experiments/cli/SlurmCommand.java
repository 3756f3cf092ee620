package backstop.experiments.cli;

import backstop.experiments.config.ConfigException;
import backstop.experiments.config.ConfigTree;
import backstop.experiments.game.GamePlan;
import backstop.experiments.game.GameShards;
import backstop.experiments.game.GameStudy;
import backstop.experiments.results.AtomicFiles;
import backstop.experiments.sweep.SlurmJob;
import backstop.experiments.sweep.SweepPlan;
import backstop.experiments.sweep.SweepRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** {@code backstop slurm}: Slurm batch scripts that run a sweep as an array of shards and merge the results. */
@Command(name = "slurm", mixinStandardHelpOptions = true,
        header = "Write (and optionally submit) the Slurm jobs that run a sweep or a game in shards and merge them.",
        description = {"Write DIR/slurm/array.sbatch (one array task per shard, each `backstop sweep --shard K/N`, or",
                "`backstop game --shard K/N` for a game file),",
                "DIR/slurm/merge.sbatch (`backstop merge`, after the whole array) and DIR/slurm/submit.sh, and print",
                "the command that submits them; --submit submits them with sbatch."})
final class SlurmCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "Sweep file or game file (YAML or JSON; a game file has roles).")
    Path sweep;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Sweep folder, on storage every node sees.")
    Path out;

    @Option(names = "--partition", description = "Slurm partition (default: the cluster's default partition).")
    String partition;

    @Option(names = "--time", description = "Wall-time limit of each shard task (default: ${DEFAULT-VALUE}).")
    String time = "02:00:00";

    @Option(names = "--cpus", description = "CPUs per shard task, each running one run at a time (default: ${DEFAULT-VALUE}).")
    int cpus = 4;

    @Option(names = "--shards", description = "Number of array tasks (default: enough for about two runs per CPU each).")
    Integer shards;

    @Option(names = "--submit", description = "Submit the jobs now with sbatch (which must be on PATH).")
    boolean submit;

    @Override
    public Integer call() throws Exception {
        if (cpus < 1) {
            throw new ConfigException("--cpus: must be ≥ 1, got " + cpus);
        }
        if (submit && !onPath("sbatch")) {
            throw new ConfigException("--submit: sbatch is not on PATH, so nothing can be submitted from here; run"
                    + " without --submit on a Slurm login node, or submit the printed command there");
        }
        if (isGame(sweep)) {
            return game();
        }
        SweepPlan plan = SweepPlan.load(sweep);
        int runs = plan.runs().size();
        int n = shards != null ? shards : Math.max(1, (runs + 2 * cpus - 1) / (2 * cpus));
        if (n < 1 || n > runs) {
            throw new ConfigException("--shards: must be from 1 to the sweep's " + runs + " runs, got " + n);
        }
        Path dir = out.toAbsolutePath().normalize();
        SweepRunner runner = new SweepRunner(plan, dir, Main.VERSION);
        runner.checkOutput(true);
        SlurmJob job = new SlurmJob(plan.name(), sweep.toAbsolutePath().normalize(), dir, n, cpus, time, partition,
                Path.of(System.getProperty("java.home"), "bin", "java"), classpath());
        // Written once here, so the shards starting together find it and only compare it.
        Files.createDirectories(dir);
        AtomicFiles.write(dir.resolve("sweep.json"), runner.sweepJsonBytes());
        return scripts(job, "sweep " + plan.name(), runs, "run");
    }

    /** A game file: its simulations dealt to shards, each `backstop game --shard K/N` into the one game folder. */
    private int game() throws Exception {
        GamePlan plan = GamePlan.load(sweep);
        int sims = new GameStudy(plan).simulations().size();
        int n = shards != null ? shards : Math.max(1, (sims + 2 * cpus - 1) / (2 * cpus));
        if (n < 1 || n > sims) {
            throw new ConfigException("--shards: must be from 1 to the game's " + sims + " simulations, got " + n);
        }
        Path dir = out.toAbsolutePath().normalize();
        SlurmJob job = new SlurmJob("game", plan.name(), sweep.toAbsolutePath().normalize(), dir, n, cpus, time, partition,
                Path.of(System.getProperty("java.home"), "bin", "java"), classpath());
        // Written once here (checked against an existing folder), so the shards starting together only compare it.
        GameShards.prepare(dir, plan, new backstop.experiments.sweep.Shard(1, n));
        return scripts(job, "game " + plan.name(), sims, "simulation");
    }

    private static boolean isGame(Path file) {
        try {
            return ConfigTree.parse(Files.readString(file), file.toString()).has("roles");
        } catch (java.io.IOException e) {
            throw new ConfigException(file + ": cannot read: " + e.getMessage());
        }
    }

    /** Writes the scripts, says what they do, and submits them if asked. */
    private int scripts(SlurmJob job, String what, int units, String unit) throws Exception {
        Path scripts = SlurmJob.folder(job.out());
        Files.createDirectories(scripts.resolve("logs"));
        int n = job.shards();
        write(scripts.resolve("array.sbatch"), job.arrayScript());
        write(scripts.resolve("merge.sbatch"), job.mergeScript());
        Path submitScript = scripts.resolve("submit.sh");
        write(submitScript, job.submitScript());
        String sizes = units % n == 0 ? Counts.of(units / n, unit) : (units / n) + " or " + Counts.of((units + n - 1) / n, unit);
        System.out.printf("%s: %s in %s of %s, %s each%n", what, Counts.of(units, unit),
                Counts.of(n, "shard"), sizes, Counts.of(cpus, "CPU"));
        System.out.println("submit with: sh " + submitScript);
        if (!submit) {
            return 0;
        }
        Process p = new ProcessBuilder("sh", submitScript.toString()).inheritIO().start();
        int status = p.waitFor();
        if (status != 0) {
            System.err.println("backstop: sbatch failed (exit status " + status + "); nothing may have been submitted");
            return 1;
        }
        return 0;
    }

    /** The running classpath with absolute entries, so batch jobs started elsewhere find the same classes. */
    private static String classpath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(s -> !s.isEmpty())
                .map(s -> Path.of(s).toAbsolutePath().normalize().toString())
                .collect(Collectors.joining(File.pathSeparator));
    }

    private static void write(Path file, String text) throws java.io.IOException {
        AtomicFiles.write(file, text.getBytes(StandardCharsets.UTF_8));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    static boolean onPath(String program) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, program))) {
                return true;
            }
        }
        return false;
    }
}
