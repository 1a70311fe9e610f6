package io.llmgateway.policy.route;

import java.util.Locale;

/** Why the planner ruled a deployment out; bounded, so metrics can count by it. */
public enum RejectReason {
    /** The request's data class may not go to the deployment's zone. */
    ZONE_NOT_ALLOWED,
    /** Prompt + max_tokens exceed the context window. */
    CONTEXT_TOO_SMALL,
    /** The deployment lacks a capability the request needs. */
    MISSING_CAPABILITY,
    /** Its circuit breaker is open. */
    CIRCUIT_OPEN,
    /** In flight has reached max-concurrency (plus its queue). */
    SATURATED,
    /** In the alias, but the matched rule does not route there. */
    NOT_IN_RULE,
    /** A rule target or fallback that is not in the requested alias (the rule does not set any-model). */
    NOT_IN_ALIAS;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
