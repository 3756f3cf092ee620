package backstop.experiments.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code backstop} command line. Exit codes: 0 success, 1 run failure, 2 bad input. */
@Command(name = "backstop", mixinStandardHelpOptions = true, version = "backstop 0.1.0",
        description = "Agent-based laboratory for loss mitigation in decentralized derivatives.",
        footer = {"  gui        Open the MASON Console on a scenario (started by the",
                "               ./backstop launcher; ./backstop gui --help for its options).",
                "Each command has --help."},
        subcommands = {RunCommand.class, SweepCommand.class, GameCommand.class, StudyCommand.class, MergeCommand.class, SlurmCommand.class, ReportCommand.class, ValidateCommand.class, ListCommands.PresetsCommand.class,
                ListCommands.ScenariosCommand.class, ListCommands.StrategiesCommand.class, ListCommands.StudiesCommand.class,
                ListCommands.ShowCommand.class, ListCommands.ReferenceCommand.class})
public final class Main implements Runnable {
    /** The version written to every manifest. */
    public static final String VERSION = "0.1.0";

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit code (for tests). */
    public static int execute(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof backstop.experiments.config.ConfigException ce) {
                cmd.getErr().println("backstop: " + ce.getMessage().replace("\n", "\nbackstop: "));
                return 2;
            }
            throw e;
        });
        return cli.execute(args);
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
