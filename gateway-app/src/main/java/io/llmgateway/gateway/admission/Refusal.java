package io.llmgateway.gateway.admission;

/** Why a request was not admitted. */
public enum Refusal {
    /** requests per minute used up */
    RPM,
    /** tokens per minute used up (reservations of requests in flight included) */
    TPM,
    /** the request alone reserves more tokens than the per-minute limit */
    TOO_LARGE,
    /** too many requests of the app in flight */
    CONCURRENCY,
    /** daily budget reached */
    BUDGET_DAILY,
    /** monthly budget reached */
    BUDGET_MONTHLY;

    boolean budget() {
        return this == BUDGET_DAILY || this == BUDGET_MONTHLY;
    }
}
