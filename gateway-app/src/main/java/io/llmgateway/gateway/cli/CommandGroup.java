package io.llmgateway.gateway.cli;

import java.io.PrintStream;
import java.util.List;

/** A command made of subcommands ({@code policy check}, {@code policy simulate}): dispatches on the first argument. */
public class CommandGroup implements Command {

    private final String name;
    private final String summary;
    private final List<Command> subcommands;

    public CommandGroup(String name, String summary, List<Command> subcommands) {
        this.name = name;
        this.summary = summary;
        this.subcommands = List.copyOf(subcommands);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String usage() {
        return "<" + String.join("|", subcommands.stream().map(Command::name).toList()) + "> ...";
    }

    @Override
    public String summary() {
        return summary;
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty() || args.get(0).equals("--help") || args.get(0).equals("-h")) {
            help(args.isEmpty() ? err : out);
            return args.isEmpty() ? 2 : 0;
        }
        for (Command c : subcommands) {
            if (c.name().equals(args.get(0))) {
                return c.run(args.subList(1, args.size()), out, err);
            }
        }
        err.println("unknown command '" + name + " " + args.get(0) + "'");
        help(err);
        return 2;
    }

    void help(PrintStream s) {
        s.println("usage: java -jar gateway-app.jar " + name + " <command> ...");
        for (Command c : subcommands) {
            s.printf("  %s %s %s%n      %s%n", name, c.name(), c.usage(), c.summary());
        }
    }
}
