package io.llmgateway.policy.route;

import io.llmgateway.policy.DataClass;
import io.llmgateway.policy.Deployment;
import io.llmgateway.policy.rule.Strategy;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The planner's decision: the deployments to try, in order, each with why it was chosen, and every
 * deployment considered but rejected, with why.
 *
 * @param route      what {@code x-gateway-route} says: the rule name, or the alias when no rule matched
 * @param rule       the matched rule's name, or null
 * @param strategy   how the candidates were ordered
 * @param dataClass  the effective data class planned for
 * @param outcome    routed, or why not
 * @param message    a sentence for the client or the operator when not routed; empty when routed
 * @param candidates deployments to try in order; empty means the request cannot be served
 * @param rejected   deployments ruled out, with the reason
 */
public record RoutePlan(String route, String rule, Strategy strategy, DataClass dataClass, PlanOutcome outcome,
                        String message, List<Candidate> candidates, List<Rejection> rejected) {

    public RoutePlan {
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(outcome, "outcome");
        candidates = List.copyOf(candidates);
        rejected = List.copyOf(rejected);
    }

    /**
     * One deployment to try. Immutable; the reason text is rendered on first use (planning itself stays
     * cheap: explain, logs and tests read it, the hot path does not).
     */
    public static final class Candidate {
        private final Deployment deployment;
        private final Supplier<String> reasonText;
        private final double score;
        private final double expectedCostUsd;
        private final double expectedTtftMs;
        private final boolean fallback;
        private volatile String reason;

        /**
         * @param deployment      the deployment
         * @param reason          why it is here, in this place
         * @param score           the strategy's sort key (lower first); NaN for fallbacks
         * @param expectedCostUsd expected cost of this request there; NaN if unknown
         * @param expectedTtftMs  expected time to first token (EWMA); NaN if unmeasured
         * @param fallback        whether it is a fallback of the rule rather than a target
         */
        public Candidate(Deployment deployment, String reason, double score, double expectedCostUsd, double expectedTtftMs,
                         boolean fallback) {
            this(deployment, () -> reason, score, expectedCostUsd, expectedTtftMs, fallback);
            this.reason = reason;
        }

        Candidate(Deployment deployment, Supplier<String> reasonText, double score, double expectedCostUsd,
                  double expectedTtftMs, boolean fallback) {
            this.deployment = Objects.requireNonNull(deployment, "deployment");
            this.reasonText = reasonText;
            this.score = score;
            this.expectedCostUsd = expectedCostUsd;
            this.expectedTtftMs = expectedTtftMs;
            this.fallback = fallback;
        }

        public Deployment deployment() { return deployment; }
        public double score() { return score; }
        public double expectedCostUsd() { return expectedCostUsd; }
        public double expectedTtftMs() { return expectedTtftMs; }
        public boolean fallback() { return fallback; }

        /** Why it is here, in this place. */
        public String reason() {
            String r = reason;
            if (r == null) {
                r = reasonText.get();
                reason = r;
            }
            return r;
        }

        @Override
        public String toString() {
            return "Candidate[" + deployment.id() + ", " + reason() + "]";
        }
    }

    /** A deployment ruled out: a bounded code for metrics and the reason in words (rendered on first use). */
    public static final class Rejection {
        private final String deploymentId;
        private final RejectReason code;
        private final Supplier<String> reasonText;
        private volatile String reason;

        /**
         * @param deploymentId the deployment
         * @param code         reason code (bounded, for metrics)
         * @param reason       the reason in words, with the numbers
         */
        public Rejection(String deploymentId, RejectReason code, String reason) {
            this(deploymentId, code, () -> reason);
            this.reason = reason;
        }

        Rejection(String deploymentId, RejectReason code, Supplier<String> reasonText) {
            this.deploymentId = Objects.requireNonNull(deploymentId, "deploymentId");
            this.code = Objects.requireNonNull(code, "code");
            this.reasonText = reasonText;
        }

        public String deploymentId() { return deploymentId; }
        public RejectReason code() { return code; }

        public String reason() {
            String r = reason;
            if (r == null) {
                r = reasonText.get();
                reason = r;
            }
            return r;
        }

        @Override
        public String toString() {
            return "Rejection[" + deploymentId + ", " + code + ", " + reason() + "]";
        }
    }
}
