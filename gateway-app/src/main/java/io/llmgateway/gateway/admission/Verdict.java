package io.llmgateway.gateway.admission;

import java.util.List;

/**
 * A backend's answer to an admission command.
 *
 * @param refusal      null when admitted
 * @param refusedScope index of the scope that refused, or -1 (budget, or admitted)
 * @param retryAfterMs when a retry may succeed (refusals only)
 * @param usage        per scope, after the decision
 * @param spentDay     USD booked today (reservations included), after the decision
 * @param spentMonth   USD booked this month, after the decision
 */
public record Verdict(Refusal refusal, int refusedScope, long retryAfterMs, List<ScopeUsage> usage,
                      double spentDay, double spentMonth) {

    public Verdict {
        usage = List.copyOf(usage);
    }

    public boolean admitted() {
        return refusal == null;
    }
}
