package io.llmgateway.gateway.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmgateway.adapter.error.GatewayException;
import io.llmgateway.policy.Priority;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.test.StepVerifier;

/** The bulkhead and its waiting room: non-blocking, interactive before batch, bounded in size and time. */
class WaitingRoomTest {

    static DeploymentGuard guard(int max, int queue, Duration wait) {
        ResilienceSettings s = new ResilienceSettings(CircuitBreakerSettings.DEFAULTS, RetrySettings.DEFAULTS,
                new BulkheadSettings(max, queue, wait));
        return Guards.of(Guards.policy("d"), Map.of("d", s)).guard("d");
    }

    @Test
    void withoutAQueueASaturatedDeploymentRefusesAtOnce() {
        DeploymentGuard g = guard(1, 0, Duration.ofSeconds(5));
        Permit held = g.acquire(Priority.INTERACTIVE).block();
        StepVerifier.create(g.acquire(Priority.INTERACTIVE))
                .expectErrorSatisfies(e -> assertThat(((GatewayException) e).code()).isEqualTo(GuardErrors.SATURATED))
                .verify(Duration.ofSeconds(1));
        held.succeeded();
        assertThat(g.acquire(Priority.INTERACTIVE).block()).isNotNull();
    }

    @Test
    void interactiveWaitersAreServedBeforeBatchOnes() {
        DeploymentGuard g = guard(1, 10, Duration.ofSeconds(10));
        Permit held = g.acquire(Priority.INTERACTIVE).block();
        List<String> order = new CopyOnWriteArrayList<>();
        List<Permit> granted = new CopyOnWriteArrayList<>();
        g.acquire(Priority.BATCH).subscribe(p -> { order.add("batch"); granted.add(p); });
        g.acquire(Priority.INTERACTIVE).subscribe(p -> { order.add("interactive"); granted.add(p); });
        assertThat(g.room().waiting()).isEqualTo(2);
        held.succeeded();
        Awaitility.await().atMost(Duration.ofSeconds(2)).until(() -> order.size() == 1);
        granted.get(0).succeeded();
        Awaitility.await().atMost(Duration.ofSeconds(2)).until(() -> order.size() == 2);
        assertThat(order).containsExactly("interactive", "batch");
    }

    @Test
    void aFullRoomRefusesBatchFirst() {
        DeploymentGuard g = guard(1, 1, Duration.ofSeconds(10));
        g.acquire(Priority.INTERACTIVE).block();
        List<Throwable> batchErrors = new CopyOnWriteArrayList<>();
        g.acquire(Priority.BATCH).subscribe(p -> { }, batchErrors::add);
        Disposable interactive = g.acquire(Priority.INTERACTIVE).subscribe();
        assertThat(batchErrors).singleElement().satisfies(e -> assertThat(e).hasMessageContaining("interactive traffic has priority"));
        StepVerifier.create(g.acquire(Priority.BATCH)).as("room full of interactive").expectError(GatewayException.class).verify();
        interactive.dispose();
    }

    @Test
    void aWaiterGivesUpAfterTheWaitLimitAndACancelledOneLeavesNoSlotBehind() {
        DeploymentGuard g = guard(1, 5, Duration.ofMillis(200));
        Permit held = g.acquire(Priority.INTERACTIVE).block();
        StepVerifier.create(g.acquire(Priority.INTERACTIVE))
                .expectErrorSatisfies(e -> assertThat(e).hasMessageContaining("no slot within 200ms"))
                .verify(Duration.ofSeconds(3));
        Disposable cancelled = g.acquire(Priority.INTERACTIVE).subscribe();
        cancelled.dispose();
        assertThat(g.room().waiting()).isZero();
        held.succeeded();
        assertThat(g.room().bulkhead().getMetrics().getAvailableConcurrentCalls()).isEqualTo(1);
        assertThat(g.breaker().getMetrics().getNumberOfBufferedCalls()).as("abandoned waiters are not calls").isEqualTo(1);
    }
}
