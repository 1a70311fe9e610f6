package io.llmgateway.gateway.resilience;

import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.llmgateway.adapter.error.GatewayException;
import java.time.Duration;

/**
 * Settings records -> Resilience4j configs. A breaker records as failures exactly the errors that say
 * the deployment is unwell (connection refused/reset, 5xx, 429/529, timeouts, malformed answers); a
 * client error such as 400 counts as a success. It moves from open to half-open on its own after
 * {@code open-for}, so the planner sees the probe window even when no request asks.
 */
final class ResilienceConfigs {

    private ResilienceConfigs() {
    }

    static CircuitBreakerConfig circuitBreaker(CircuitBreakerSettings s) {
        return CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(s.window())
                .minimumNumberOfCalls(Math.min(s.minCalls(), s.window()))
                .failureRateThreshold(s.failureRatePercent())
                .slowCallRateThreshold(s.slowCallRatePercent())
                .slowCallDurationThreshold(s.slowCallDuration())
                .waitDurationInOpenState(s.openFor())
                .permittedNumberOfCallsInHalfOpenState(s.halfOpenCalls())
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                .recordException(t -> t instanceof GatewayException g && g.retryable() && !GuardErrors.fromGuard(g))
                .writableStackTraceEnabled(false)
                .build();
    }

    static BulkheadConfig bulkhead(BulkheadSettings s) {
        // never wait inside Resilience4j (it would block an event loop): the WaitingRoom queues instead
        return BulkheadConfig.custom()
                .maxConcurrentCalls(s.maxConcurrency())
                .maxWaitDuration(Duration.ZERO)
                .writableStackTraceEnabled(false)
                .build();
    }
}
