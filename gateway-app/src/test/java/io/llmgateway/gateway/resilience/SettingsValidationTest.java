package io.llmgateway.gateway.resilience;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Settings records fail fast, naming the knob and the bad value. */
class SettingsValidationTest {

    @Test
    void circuitBreaker() {
        assertThatThrownBy(() -> new CircuitBreakerSettings(0, 100, Duration.ofSeconds(1), 20, 10, Duration.ofSeconds(1), 2))
                .hasMessageContaining("failure-rate").hasMessageContaining("0");
        assertThatThrownBy(() -> new CircuitBreakerSettings(50, 100, Duration.ZERO, 20, 10, Duration.ofSeconds(1), 2))
                .hasMessageContaining("slow-call-duration");
        assertThatThrownBy(() -> new CircuitBreakerSettings(50, 100, Duration.ofSeconds(1), 20, 10, Duration.ofSeconds(1), 0))
                .hasMessageContaining("half-open-calls");
    }

    @Test
    void retry() {
        assertThatThrownBy(() -> new RetrySettings(0, Duration.ofMillis(1), Duration.ofMillis(2), 0.5)).hasMessageContaining("max-attempts");
        assertThatThrownBy(() -> new RetrySettings(2, Duration.ofSeconds(2), Duration.ofSeconds(1), 0.5)).hasMessageContaining("max-backoff");
        assertThatThrownBy(() -> new RetrySettings(2, Duration.ofMillis(1), Duration.ofMillis(2), 1.5)).hasMessageContaining("jitter");
    }

    @Test
    void bulkhead() {
        assertThatThrownBy(() -> new BulkheadSettings(0, 0, Duration.ofSeconds(1))).hasMessageContaining("max-concurrency");
        assertThatThrownBy(() -> new BulkheadSettings(1, -1, Duration.ofSeconds(1))).hasMessageContaining("max-queue");
        assertThatThrownBy(() -> new BulkheadSettings(1, 0, null)).hasMessageContaining("max-queue-wait");
    }
}
