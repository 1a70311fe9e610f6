package io.llmgateway.gateway.admission;

import java.util.List;
import java.util.Objects;

/**
 * One request asking to be admitted: checked against every scope and the budget at once, all or nothing.
 *
 * @param appId            the app (all its keys share one Redis hash slot)
 * @param ticketId         unique id of this admission (not the client's request id, which may repeat)
 * @param scopes           limits to check, app-wide first
 * @param tokens           tokens reserved: estimated prompt + max_tokens
 * @param budget           budget limits and the reserved cost
 * @param nowMillis        admission time
 * @param leaseUntilMillis a concurrency slot not released by then is reclaimed (a replica died)
 */
public record AdmissionCommand(String appId, String ticketId, List<Scope> scopes, long tokens, BudgetCheck budget,
                               long nowMillis, long leaseUntilMillis) {

    public AdmissionCommand {
        Objects.requireNonNull(appId, "appId");
        Objects.requireNonNull(ticketId, "ticketId");
        scopes = List.copyOf(scopes);
        Objects.requireNonNull(budget, "budget");
    }

    /** This command with limits cut to one replica's share. */
    AdmissionCommand share(int replicas, double spentDay, double spentMonth) {
        return new AdmissionCommand(appId, ticketId, scopes.stream().map(s -> s.share(replicas)).toList(), tokens,
                budget.share(replicas, spentDay, spentMonth), nowMillis, leaseUntilMillis);
    }
}
