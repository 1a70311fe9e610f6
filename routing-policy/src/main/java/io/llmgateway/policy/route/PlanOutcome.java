package io.llmgateway.policy.route;

/** How planning ended. */
public enum PlanOutcome {
    /** At least one candidate. */
    ROUTED,
    /** A rule refuses such requests. */
    REFUSED_BY_RULE,
    /** The data class forbids every zone left: fail closed (the gateway answers 503 data_class_requires_private_backend). */
    DATA_CLASS_ZONE,
    /** Every deployment was rejected for other reasons (circuits open, saturated, too small, ...). */
    NO_CANDIDATE,
    /** The alias does not exist. */
    UNKNOWN_MODEL,
    /** The app may not use the alias. */
    APP_NOT_ALLOWED
}
