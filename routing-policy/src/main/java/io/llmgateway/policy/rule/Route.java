package io.llmgateway.policy.rule;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Where a matching rule sends a request.
 *
 * @param targets    candidate deployment ids, pools expanded by the loader, in the order written; empty =
 *                   the requested alias's own list
 * @param anyModel   when false, targets and fallbacks not in the requested alias's list are skipped
 * @param strategy   how the surviving targets are ordered
 * @param slo        latency objective for {@code cheapest}
 * @param fallbacks  deployment ids (pools expanded) tried after the targets, in the order written
 * @param hedgeAfter start a second candidate if no first token arrived within this (executor); null = no hedging
 */
public record Route(List<String> targets, boolean anyModel, Strategy strategy, Slo slo, List<String> fallbacks,
                    Duration hedgeAfter) {

    public Route {
        targets = List.copyOf(targets);
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(slo, "slo");
        fallbacks = List.copyOf(fallbacks);
    }
}
