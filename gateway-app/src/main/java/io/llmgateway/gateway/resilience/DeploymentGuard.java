package io.llmgateway.gateway.resilience;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.llmgateway.policy.Priority;
import java.time.Duration;
import reactor.core.publisher.Mono;

/**
 * The guards of one deployment: circuit breaker, bulkhead with its waiting room, retry schedule.
 * Immutable; a policy change that alters a deployment's settings builds a new guard.
 */
public final class DeploymentGuard {

    private final String deploymentId;
    private final ResilienceSettings settings;
    private final CircuitBreaker breaker;
    private final WaitingRoom room;
    private final RetrySchedule retry;

    DeploymentGuard(String deploymentId, ResilienceSettings settings, CircuitBreaker breaker, WaitingRoom room) {
        this.deploymentId = deploymentId;
        this.settings = settings;
        this.breaker = breaker;
        this.room = room;
        this.retry = RetrySchedule.of(settings.retry());
    }

    public String deploymentId() {
        return deploymentId;
    }

    public ResilienceSettings settings() {
        return settings;
    }

    public RetrySchedule retry() {
        return retry;
    }

    CircuitBreaker breaker() {
        return breaker;
    }

    WaitingRoom room() {
        return room;
    }

    /**
     * A permit to call the deployment: fails at once with {@code circuit_open} if the breaker refuses
     * (open, or half-open with all probes taken), waits for a slot if the deployment is at its
     * concurrency limit, or fails with {@code deployment_saturated}.
     */
    public Mono<Permit> acquire(Priority priority) {
        return Mono.defer(() -> {
            if (!breaker.tryAcquirePermission()) {
                return Mono.error(GuardErrors.circuitOpen(deploymentId, untilHalfOpen()));
            }
            return room.enter(new Permit(breaker, room), priority);
        });
    }

    private Duration untilHalfOpen() {
        return breaker.getState() == CircuitBreaker.State.OPEN ? settings.circuitBreaker().openFor() : Duration.ofSeconds(1);
    }
}
