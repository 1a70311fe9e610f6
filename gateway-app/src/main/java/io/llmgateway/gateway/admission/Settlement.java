package io.llmgateway.gateway.admission;

/**
 * What a finished request really used, to reconcile its reservation exactly once.
 *
 * @param command      the admission being settled
 * @param actualTokens prompt + completion tokens really used (0 if it never reached an upstream)
 * @param actualCost   USD really spent
 * @param nowMillis    when it ended
 */
public record Settlement(AdmissionCommand command, long actualTokens, double actualCost, long nowMillis) {

    /** Tokens to add to (positive) or give back from (negative) the reservation. */
    long tokenDelta() {
        return actualTokens - command.tokens();
    }

    double costDelta() {
        return actualCost - command.budget().estimatedCost();
    }
}
