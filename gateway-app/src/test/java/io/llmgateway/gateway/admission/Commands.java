package io.llmgateway.gateway.admission;

import io.llmgateway.policy.Limits;
import java.util.List;
import java.util.UUID;

/** Builds admission commands for backend tests. */
final class Commands {

    static final BudgetCheck NO_BUDGET = new BudgetCheck("2025-06-01", "2025-06", Double.NaN, Double.NaN, 0);

    private Commands() {
    }

    static AdmissionCommand of(String app, long now, long tokens, Scope... scopes) {
        return of(app, now, tokens, NO_BUDGET, scopes);
    }

    static AdmissionCommand of(String app, long now, long tokens, BudgetCheck budget, Scope... scopes) {
        return new AdmissionCommand(app, UUID.randomUUID().toString(), List.of(scopes), tokens, budget, now, now + 900_000);
    }

    static Scope app(int rpm, long tpm, int concurrency) {
        return new Scope("app", new Limits(rpm, tpm, concurrency));
    }

    static Scope model(String alias, int rpm, long tpm, int concurrency) {
        return new Scope("model:" + alias, new Limits(rpm, tpm, concurrency));
    }

    static BudgetCheck budget(double daily, double monthly, double estimate) {
        return new BudgetCheck("2025-06-01", "2025-06", daily, monthly, estimate);
    }
}
