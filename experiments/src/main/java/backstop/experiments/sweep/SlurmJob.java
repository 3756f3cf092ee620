package backstop.experiments.sweep;

import backstop.experiments.config.ConfigException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The Slurm batch scripts of a sharded sweep or game: an array job with one task per shard, each running
 * {@code backstop sweep SWEEP --shard $SLURM_ARRAY_TASK_ID/N} (or {@code backstop game GAME …}), a merge job that
 * runs {@code backstop merge} once
 * the array is over ({@code afterany}, so it also reports which runs a failed task left missing), and a submit
 * script that chains the two. Every path is absolute, because batch jobs start in another working directory.
 *
 * @param command   {@code sweep} or {@code game}: what each shard runs
 * @param java      the java executable the jobs run (the script honours {@code $BACKSTOP_JAVA} instead)
 * @param classpath the classpath with {@code backstop.experiments.cli.Main} (or {@code $BACKSTOP_CLASSPATH})
 * @param partition the partition, or null for the cluster's default
 * @param time      the wall-time limit of each task, in Slurm's notation ({@code 02:00:00})
 */
public record SlurmJob(String command, String name, Path sweepFile, Path out, int shards, int cpus, String time,
                       String partition, Path java, String classpath) {
    /** The main class the scripts start. */
    public static final String MAIN = "backstop.experiments.cli.Main";
    /** Characters that would end or expand a double-quoted shell word, or an #SBATCH line. */
    private static final Pattern UNSAFE = Pattern.compile("[\"$`\\\\\\n\\r]");
    private static final Pattern SLURM_WORD = Pattern.compile("[A-Za-z0-9:_.,+-]+");

    /** A sweep's jobs. */
    public SlurmJob(String name, Path sweepFile, Path out, int shards, int cpus, String time, String partition, Path java,
                    String classpath) {
        this("sweep", name, sweepFile, out, shards, cpus, time, partition, java, classpath);
    }

    public SlurmJob {
        if (!command.equals("sweep") && !command.equals("game")) {
            throw new IllegalArgumentException("a Slurm job runs a sweep or a game, not " + command);
        }
        if (shards < 1) {
            throw new ConfigException("--shards: must be ≥ 1, got " + shards);
        }
        if (cpus < 1) {
            throw new ConfigException("--cpus: must be ≥ 1, got " + cpus);
        }
        if (!SLURM_WORD.matcher(time).matches()) {
            throw new ConfigException("--time: must be a Slurm time such as 02:00:00 or 1-00:00:00, got '" + time + "'");
        }
        if (partition != null && !SLURM_WORD.matcher(partition).matches()) {
            throw new ConfigException("--partition: must be a partition name, got '" + partition + "'");
        }
        for (String[] v : new String[][] {{"SWEEP", sweepFile.toString()}, {"--out", out.toString()},
                {"java", java.toString()}, {"classpath", classpath}}) {
            if (UNSAFE.matcher(v[1]).find() || (!v[0].equals("classpath") && v[1].contains(" "))) {
                throw new ConfigException(v[0] + ": " + v[1] + ": contains a space or one of \" $ ` \\ that a batch"
                        + " script cannot carry safely; use a path without them");
            }
        }
    }

    /** Folder under the sweep folder that holds the scripts and the jobs' logs. */
    public static Path folder(Path out) {
        return out.resolve("slurm");
    }

    /** {@code array.sbatch}: one task per shard, ids 1..N. */
    public String arrayScript() {
        List<String> lines = header(name + "-shards", "shard-%a.out", cpus);
        lines.add(1 + lines.indexOf("#SBATCH --job-name=" + name + "-shards"), "#SBATCH --array=1-" + shards);
        lines.add(command.equals("sweep")
                ? "# Shard K of " + shards + " runs the runs at positions K, K+" + shards + ", K+" + 2 * shards
                        + ", ... of the id-sorted run list; a re-run task skips its finished runs."
                : "# Shard K of " + shards + " runs the simulations at positions K, K+" + shards + ", K+" + 2 * shards
                        + ", ... of the game's list into shards/K-of-" + shards + "/; a shard that ran is refused.");
        lines.add("exec " + javaCommand() + " " + command + " " + quote(sweepFile) + " --out " + quote(out)
                + " --shard \"${SLURM_ARRAY_TASK_ID}/" + shards + "\" --threads \"${SLURM_CPUS_PER_TASK:-" + cpus + "}\"");
        return String.join("\n", lines) + "\n";
    }

    /** {@code merge.sbatch}: builds the tables and report, and lists missing runs; its log ends with the exit code. */
    public String mergeScript() {
        // Merging reads summaries and draws charts: one CPU is plenty.
        List<String> lines = header(name + "-merge", "merge.out", 1);
        lines.add("status=0");
        lines.add(javaCommand() + " merge " + quote(out) + " || status=$?");
        lines.add("echo \"backstop merge exit status $status\"");
        lines.add("exit \"$status\"");
        return String.join("\n", lines) + "\n";
    }

    /** {@code submit.sh}: submits the array, then the merge job depending on it; prints both job ids. */
    public String submitScript() {
        Path dir = folder(out);
        return String.join("\n", List.of(
                "#!/bin/sh",
                "# Submits the shards of " + command + " '" + name + "' and the merge job that waits for all of them.",
                "set -eu",
                "array=$(sbatch --parsable " + quote(dir.resolve("array.sbatch")) + ")",
                "array=${array%%;*}",
                "merge=$(sbatch --parsable --dependency=afterany:\"$array\" " + quote(dir.resolve("merge.sbatch")) + ")",
                "echo \"submitted array job $array (" + shards + " shards) and merge job ${merge%%;*}\"",
                "echo \"logs: " + dir.resolve("logs") + "; results: " + out + "\"")) + "\n";
    }

    private List<String> header(String jobName, String log, int cpus) {
        List<String> lines = new ArrayList<>(List.of(
                "#!/bin/bash",
                "#SBATCH --job-name=" + jobName,
                "#SBATCH --cpus-per-task=" + cpus,
                "#SBATCH --time=" + time,
                "#SBATCH --output=" + folder(out).resolve("logs").resolve(log)));
        if (partition != null) {
            lines.add("#SBATCH --partition=" + partition);
        }
        lines.add("# Written by backstop slurm for " + command + " '" + name + "'.");
        lines.add("set -eu");
        return lines;
    }

    private String javaCommand() {
        // Headless: compute nodes have no display, and the merge job draws the report's charts.
        return "\"${BACKSTOP_JAVA:-" + java + "}\" -Djava.awt.headless=true -cp \"${BACKSTOP_CLASSPATH:-" + classpath
                + "}\" " + MAIN;
    }

    /** Single-quotes a path for the shell. */
    static String quote(Path p) {
        return "'" + p.toString().replace("'", "'\\''") + "'";
    }
}
