package io.llmgateway.policy;

import java.util.List;

/**
 * A policy file that cannot be accepted. The message names the file, the path inside it
 * ({@code deployments[2].url}), the line, and the bad value, for every problem found.
 */
public final class PolicyException extends RuntimeException {

    private final List<Problem> problems;

    public PolicyException(List<Problem> problems) {
        super(render(problems));
        this.problems = List.copyOf(problems);
    }

    public PolicyException(Problem problem) {
        this(List.of(problem));
    }

    public List<Problem> problems() {
        return problems;
    }

    private static String render(List<Problem> problems) {
        if (problems.size() == 1) {
            return problems.get(0).toString();
        }
        StringBuilder sb = new StringBuilder(problems.size() + " problems in policy:");
        for (Problem p : problems) {
            sb.append("\n  - ").append(p);
        }
        return sb.toString();
    }

    /** One problem: where ({@code file:line path}) and what. */
    public record Problem(String file, int line, String path, String message) {
        @Override
        public String toString() {
            String where = line > 0 ? file + ":" + line : file;
            return path.isEmpty() ? where + ": " + message : where + ": " + path + ": " + message;
        }
    }
}
