package backstop.experiments.sweep;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A throw-away single-node Slurm cluster for {@link SlurmIT}: its own munge key and socket, a minimal slurm.conf
 * bound to 127.0.0.1 on free ports, and slurmctld, slurmd and munged started as child processes (not through
 * systemd), all in one private folder, so it neither needs nor disturbs a cluster already on the machine.
 */
final class LocalSlurm implements AutoCloseable {
    /** The Debian packages the cluster needs. */
    static final List<String> PROGRAMS = List.of("munged", "slurmctld", "slurmd", "sbatch", "sinfo", "scancel");
    private final Path dir;
    private final Path conf;
    private final List<Process> daemons = new ArrayList<>();

    private LocalSlurm(Path dir) {
        this.dir = dir;
        this.conf = dir.resolve("slurm.conf");
    }

    /** The program's path, searching PATH and the sbin folders a non-login shell may lack; null when absent. */
    static Path program(String name) {
        List<String> dirs = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(":")));
        dirs.addAll(List.of("/usr/sbin", "/usr/bin", "/sbin", "/bin"));
        for (String d : dirs) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, name))) {
                return Path.of(d, name);
            }
        }
        return null;
    }

    /** Starts munged, slurmctld and slurmd in {@code dir} and waits (bounded) until the node is idle. */
    static LocalSlurm start(Path dir) throws IOException, InterruptedException {
        LocalSlurm s = new LocalSlurm(dir);
        try {
            s.boot();
            return s;
        } catch (IOException | InterruptedException | RuntimeException | Error e) {
            s.close();
            throw e;
        }
    }

    private void boot() throws IOException, InterruptedException {
        Files.createDirectories(dir.resolve("state"));
        Files.createDirectories(dir.resolve("spool"));
        Path key = dir.resolve("munge.key");
        byte[] bytes = new byte[1024];
        try (var in = Files.newInputStream(Path.of("/dev/urandom"))) {
            in.readNBytes(bytes, 0, bytes.length);
        }
        Files.write(key, bytes);
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("r--------"));
        Path socket = dir.resolve("munge.sock");
        // --force: munged refuses some setups (running as root, a private socket folder) that are fine here.
        daemon("munged", program("munged").toString(), "-F", "--force", "--socket=" + socket, "--key-file=" + key,
                "--pid-file=" + dir.resolve("munged.pid"), "--seed-file=" + dir.resolve("munged.seed"),
                "--log-file=" + dir.resolve("munged.log"));
        waitFor("the munge socket", 30, () -> Files.exists(socket));
        String host = hostname();
        Files.writeString(conf, String.join("\n", List.of(
                "ClusterName=backstopit",
                "SlurmctldHost=" + host + "(127.0.0.1)",
                "SlurmctldPort=" + freePort(),
                "SlurmdPort=" + freePort(),
                "AuthType=auth/munge",
                "AuthInfo=socket=" + socket,
                "CredType=cred/munge",
                "MpiDefault=none",
                "ProctrackType=proctrack/linuxproc",
                "TaskPlugin=task/none",
                "AccountingStorageType=accounting_storage/none",
                "JobAcctGatherType=jobacct_gather/none",
                "JobCompType=jobcomp/none",
                "SelectType=select/cons_tres",
                "SelectTypeParameters=CR_CPU",
                "SchedulerParameters=batch_sched_delay=0",
                "SlurmUser=root",
                "SlurmdUser=root",
                "ReturnToService=2",
                "StateSaveLocation=" + dir.resolve("state"),
                "SlurmdSpoolDir=" + dir.resolve("spool"),
                "SlurmctldPidFile=" + dir.resolve("slurmctld.pid"),
                "SlurmdPidFile=" + dir.resolve("slurmd.pid"),
                "SlurmctldLogFile=" + dir.resolve("slurmctld.log"),
                "SlurmdLogFile=" + dir.resolve("slurmd.log"),
                "NodeName=" + host + " NodeAddr=127.0.0.1 CPUs=" + Runtime.getRuntime().availableProcessors()
                        + " State=UNKNOWN",
                "PartitionName=it Nodes=" + host + " Default=YES MaxTime=INFINITE State=UP")) + "\n");
        daemon("slurmctld", program("slurmctld").toString(), "-D", "-f", conf.toString());
        daemon("slurmd", program("slurmd").toString(), "-D", "-f", conf.toString());
        waitFor("the node to be idle (sinfo)", 90, () -> client("sinfo", "-h", "-o", "%T").trim().equals("idle"));
    }

    /** Runs a Slurm client against this cluster and returns its output (stdout and stderr). */
    String client(String program, String... args) {
        List<String> cmd = new ArrayList<>(List.of(program(program).toString()));
        cmd.addAll(List.of(args));
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
            environment(pb.environment());
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
            return out;
        } catch (IOException e) {
            return e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e.toString();
        }
    }

    /** Points Slurm clients (and the jobs they submit, which inherit it) at this cluster. */
    void environment(Map<String, String> env) {
        env.put("SLURM_CONF", conf.toString());
    }

    /** The last lines of every daemon log, for failure messages. */
    String diagnostics() {
        StringBuilder b = new StringBuilder();
        for (String log : List.of("munged.log", "munged.out", "slurmctld.log", "slurmctld.out", "slurmd.log", "slurmd.out")) {
            b.append("\n--- ").append(log).append(" (last 40 lines) ---\n").append(tail(dir.resolve(log), 40));
        }
        return b.toString();
    }

    /** The last {@code n} lines of a file, or a note that it does not exist. */
    static String tail(Path file, int n) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - n), lines.size()));
        } catch (IOException e) {
            return "(" + file + " unreadable: " + e + ")";
        }
    }

    /** Cancels this cluster's jobs, then stops the daemons it started, each by its own process handle (PID). */
    @Override
    public void close() {
        if (daemons.size() == 3) {
            client("scancel", "--user=" + System.getProperty("user.name"));
        }
        for (int i = daemons.size() - 1; i >= 0; i--) {
            Process p = daemons.get(i);
            p.destroy();
            try {
                if (!p.waitFor(15, TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    private void daemon(String name, String... cmd) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".out").toFile());
        environment(pb.environment());
        daemons.add(pb.start());
    }

    /** Polls {@code ready} every 250 ms for at most {@code seconds}; fails with the daemon logs when it never is. */
    void waitFor(String what, int seconds, java.util.function.BooleanSupplier ready) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!ready.getAsBoolean()) {
            for (Process p : daemons) {
                if (!p.isAlive()) {
                    throw new AssertionError("a Slurm daemon exited (status " + p.exitValue() + ") while waiting for "
                            + what + diagnostics());
                }
            }
            if (System.nanoTime() > end) {
                throw new AssertionError("gave up after " + seconds + " s waiting for " + what + "; sinfo: "
                        + client("sinfo") + diagnostics());
            }
            Thread.sleep(250);
        }
    }

    /** Slurm names nodes by the short host name, as gethostname() gives it (the kernel's), up to the first dot. */
    private static String hostname() throws IOException {
        String name = Files.readString(Path.of("/proc/sys/kernel/hostname")).trim();
        return name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
