package io.llmgateway.gateway.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

/**
 * The ops commands of the gateway jar, dispatched from {@code main} before Spring starts:
 * {@code java -jar gateway-app.jar policy check FILE}. Any other first argument (or none) starts the
 * server. To add a command, add it to {@link #COMMANDS} (or a subcommand to its group).
 */
public final class Cli {

    static final List<Command> COMMANDS = List.of(
            new CommandGroup("policy", "validate and simulate routing policies", List.of(new PolicyCheckCommand(), new PolicySimulateCommand())));

    private Cli() {
    }

    /** Runs the command {@code args} name and returns its exit code, or -1 when {@code args} name no command. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            return -1;
        }
        for (Command c : COMMANDS) {
            if (c.name().equals(args[0])) {
                List<String> rest = Arrays.asList(args).subList(1, args.length);
                try {
                    return c.run(rest, out, err);
                } catch (RuntimeException e) {
                    err.println("error: " + e);
                    return 1;
                }
            }
        }
        return -1;
    }
}
