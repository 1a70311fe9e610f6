package io.llmgateway.gateway.cli;

import java.io.PrintStream;
import java.util.List;

/** One ops command run from the gateway jar before (instead of) the server starts. */
public interface Command {

    /** The word that selects it ({@code check}). */
    String name();

    /** Usage line after the command path, e.g. {@code [--strict] FILE}. */
    String usage();

    /** One line saying what it does. */
    String summary();

    /**
     * Runs it.
     *
     * @return the process exit code: 0 success, 1 the checked thing is bad, 2 wrong usage
     */
    int run(List<String> args, PrintStream out, PrintStream err);
}
