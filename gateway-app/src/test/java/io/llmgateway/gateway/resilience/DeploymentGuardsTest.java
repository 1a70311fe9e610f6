package io.llmgateway.gateway.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmgateway.adapter.error.ErrorKind;
import io.llmgateway.adapter.error.GatewayException;
import io.llmgateway.policy.Policy;
import io.llmgateway.policy.Priority;
import io.llmgateway.policy.live.CircuitState;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class DeploymentGuardsTest {

    static final CircuitBreakerSettings FAST = new CircuitBreakerSettings(50, 100, Duration.ofSeconds(60), 4, 4,
            Duration.ofMillis(300), 1);
    static final ResilienceSettings SETTINGS = new ResilienceSettings(FAST, RetrySettings.DEFAULTS, BulkheadSettings.DEFAULTS);

    @Test
    void circuitOpensAfterFailuresThenLetsOneProbeThroughAndClosesOnItsSuccess() {
        DeploymentGuards guards = Guards.of(Guards.policy("a"), Map.of("a", SETTINGS));
        DeploymentGuard g = guards.guard("a");
        for (int i = 0; i < 4; i++) {
            g.acquire(Priority.INTERACTIVE).block().failed(GatewayException.of(ErrorKind.UPSTREAM_UNAVAILABLE, "refused"));
        }
        assertThat(guards.of("a")).isEqualTo(CircuitState.OPEN);
        StepVerifier.create(g.acquire(Priority.INTERACTIVE))
                .expectErrorSatisfies(e -> assertThat(((GatewayException) e).code()).isEqualTo(GuardErrors.CIRCUIT_OPEN))
                .verify();

        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> guards.of("a") == CircuitState.HALF_OPEN);
        Permit probe = g.acquire(Priority.INTERACTIVE).block();
        StepVerifier.create(g.acquire(Priority.INTERACTIVE)).as("only one probe").expectError(GatewayException.class).verify();
        probe.succeeded();
        assertThat(guards.of("a")).isEqualTo(CircuitState.CLOSED);
    }

    @Test
    void clientErrorsAndCancelsBeforeTheFirstTokenDoNotOpenTheCircuit() {
        DeploymentGuards guards = Guards.of(Guards.policy("a"), Map.of("a", SETTINGS));
        DeploymentGuard g = guards.guard("a");
        for (int i = 0; i < 10; i++) {
            g.acquire(Priority.INTERACTIVE).block().failed(GatewayException.of(ErrorKind.INVALID_REQUEST, "bad max_tokens"));
            g.acquire(Priority.INTERACTIVE).block().cancelled();
        }
        assertThat(guards.of("a")).isEqualTo(CircuitState.CLOSED);
        assertThat(g.breaker().getMetrics().getNumberOfFailedCalls()).isZero();
    }

    @Test
    void timeoutsCountAsFailuresAndSlowFirstTokensAsSlowCalls() {
        CircuitBreakerSettings slow = new CircuitBreakerSettings(50, 50, Duration.ofMillis(30), 4, 4, Duration.ofSeconds(30), 1);
        DeploymentGuards guards = Guards.of(Guards.policy("t", "s"), Map.of(
                "t", SETTINGS, "s", new ResilienceSettings(slow, RetrySettings.DEFAULTS, BulkheadSettings.DEFAULTS)));
        for (int i = 0; i < 4; i++) {
            guards.guard("t").acquire(Priority.INTERACTIVE).block().failed(GatewayException.of(ErrorKind.TIMEOUT, "no first token"));
        }
        assertThat(guards.of("t")).isEqualTo(CircuitState.OPEN);
        for (int i = 0; i < 4; i++) {
            Permit p = guards.guard("s").acquire(Priority.INTERACTIVE).block();
            sleep(60);
            p.firstToken();
            p.succeeded();
        }
        assertThat(guards.of("s")).as("every first token slower than 30ms").isEqualTo(CircuitState.OPEN);
    }

    @Test
    void reloadKeepsTheStateOfUnchangedDeploymentsAndRebuildsChangedOnes() {
        AtomicReference<Policy> live = new AtomicReference<>(Guards.policy("a", "b", "c"));
        AtomicReference<Map<String, ResilienceSettings>> settings = new AtomicReference<>(Map.of("a", SETTINGS, "b", SETTINGS));
        DeploymentGuards guards = new DeploymentGuards(d -> settings.get().getOrDefault(d.id(), ResilienceSettings.DEFAULTS), live::get);
        guards.guard("a").breaker().transitionToOpenState();
        guards.guard("b").breaker().transitionToOpenState();

        CircuitBreakerSettings other = new CircuitBreakerSettings(60, 100, Duration.ofSeconds(60), 4, 4, Duration.ofSeconds(30), 1);
        settings.set(Map.of("a", SETTINGS, "b", new ResilienceSettings(other, RetrySettings.DEFAULTS, BulkheadSettings.DEFAULTS)));
        live.set(Guards.policy("a", "b"));

        assertThat(guards.of("a")).as("unchanged: still open").isEqualTo(CircuitState.OPEN);
        assertThat(guards.of("b")).as("changed: new breaker").isEqualTo(CircuitState.CLOSED);
        assertThat(guards.snapshot()).containsOnlyKeys("a", "b");
        assertThat(guards.circuitBreakers().find("c")).as("removed deployment's breaker").isEmpty();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
