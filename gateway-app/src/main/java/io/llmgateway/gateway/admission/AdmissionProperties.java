package io.llmgateway.gateway.admission;

import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Admission settings ({@code gateway.admission.*}); the limits and budgets themselves are per app in the policy.
 *
 * @param defaultMaxTokens output tokens reserved for a request that sets no {@code max_tokens}
 * @param budgetZone       time zone whose midnight starts a budget day and month
 * @param replicas         gateway replicas sharing the limits in Redis; while Redis is unreachable each
 *                         replica enforces {@code 1/replicas} of every limit and of what is left of each budget
 * @param leaseTime        a concurrency slot not released by then is reclaimed (covers a replica that died)
 */
@ConfigurationProperties("gateway.admission")
public record AdmissionProperties(
        @DefaultValue("1024") int defaultMaxTokens,
        @DefaultValue("UTC") ZoneId budgetZone,
        @DefaultValue("1") int replicas,
        @DefaultValue("15m") Duration leaseTime) {

    public AdmissionProperties {
        if (defaultMaxTokens < 0) {
            throw new IllegalArgumentException("gateway.admission.default-max-tokens must be >= 0, got " + defaultMaxTokens);
        }
        if (replicas < 1) {
            throw new IllegalArgumentException("gateway.admission.replicas must be >= 1, got " + replicas);
        }
        if (leaseTime.isNegative() || leaseTime.isZero()) {
            throw new IllegalArgumentException("gateway.admission.lease-time must be positive, got " + leaseTime);
        }
    }
}
