package io.llmgateway.gateway.routing;

import java.time.Instant;
import java.util.List;

/**
 * The outcome of one reload attempt.
 *
 * @param at       when
 * @param trigger  {@code watch}, {@code poll} or {@code admin}
 * @param outcome  {@code ok}, {@code unchanged} or {@code refused}
 * @param version  version of the file read (null if unreadable)
 * @param problems why it was refused, one {@code file:line: path: message} each; empty otherwise
 * @param warnings warnings of an accepted policy
 */
public record ReloadStatus(Instant at, String trigger, String outcome, String version, List<String> problems,
                           List<String> warnings) {

    public ReloadStatus {
        problems = List.copyOf(problems);
        warnings = List.copyOf(warnings);
    }
}
