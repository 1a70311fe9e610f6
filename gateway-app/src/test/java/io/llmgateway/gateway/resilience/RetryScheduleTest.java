package io.llmgateway.gateway.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmgateway.adapter.error.ErrorKind;
import io.llmgateway.adapter.error.GatewayException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetryScheduleTest {

    static final RetrySettings THREE = new RetrySettings(3, Duration.ofMillis(100), Duration.ofSeconds(2), 0.5);

    @ParameterizedTest(name = "{0} -> retry on the same deployment: {1}")
    @CsvSource({
            "UPSTREAM_UNAVAILABLE, true", "UPSTREAM_ERROR, true", "RATE_LIMITED, true",
            "TIMEOUT, false", "UPSTREAM_BAD_RESPONSE, false", "INVALID_REQUEST, false",
            "CONTEXT_LENGTH_EXCEEDED, false", "INTERNAL, false", "NO_BACKEND, false", "BUDGET_EXCEEDED, false"})
    void onlyFailuresAnotherTryCanFixAreRetriedInPlace(ErrorKind kind, boolean retried) {
        assertThat(RetrySchedule.retryableOnSameDeployment(GatewayException.of(kind, "x"))).isEqualTo(retried);
    }

    @Test
    void guardRefusalsAreNeverRetriedInPlace() {
        assertThat(RetrySchedule.retryableOnSameDeployment(GuardErrors.circuitOpen("d", Duration.ofSeconds(1)))).isFalse();
        assertThat(RetrySchedule.retryableOnSameDeployment(GuardErrors.saturated("d", "busy"))).isFalse();
    }

    @Test
    void backoffDoublesUpToTheCapAndStopsAfterMaxAttempts() {
        RetrySchedule noJitter = new RetrySchedule(new RetrySettings(5, Duration.ofMillis(100), Duration.ofMillis(300), 0), () -> 0.5);
        GatewayException e = GatewayException.of(ErrorKind.UPSTREAM_UNAVAILABLE, "down");
        assertThat(noJitter.delay(1, e)).isEqualTo(Duration.ofMillis(100));
        assertThat(noJitter.delay(2, e)).isEqualTo(Duration.ofMillis(200));
        assertThat(noJitter.delay(3, e)).isEqualTo(Duration.ofMillis(300));
        assertThat(noJitter.delay(4, e)).isEqualTo(Duration.ofMillis(300));
        assertThat(noJitter.delay(5, e)).as("5 attempts made").isNull();
    }

    @Test
    void jitterSpreadsTheWaitWithinItsBounds() {
        GatewayException e = GatewayException.of(ErrorKind.UPSTREAM_ERROR, "500");
        assertThat(new RetrySchedule(THREE, () -> 0.0).delay(1, e)).isEqualTo(Duration.ofMillis(50));
        assertThat(new RetrySchedule(THREE, () -> 1.0).delay(1, e)).isEqualTo(Duration.ofMillis(150));
        for (int i = 0; i < 100; i++) {
            assertThat(RetrySchedule.of(THREE).delay(2, e)).isBetween(Duration.ofMillis(100), Duration.ofMillis(300));
        }
    }

    @Test
    void retryAfterIsHonouredAndALongOneFailsOverInstead() {
        RetrySchedule s = new RetrySchedule(THREE, () -> 0.5);
        GatewayException soon = GatewayException.builder(ErrorKind.RATE_LIMITED, "429").retryAfter(Duration.ofSeconds(1)).build();
        assertThat(s.delay(1, soon)).isEqualTo(Duration.ofSeconds(1));
        GatewayException late = GatewayException.builder(ErrorKind.RATE_LIMITED, "429").retryAfter(Duration.ofSeconds(30)).build();
        assertThat(s.delay(1, late)).as("beyond max-backoff: next candidate now").isNull();
        GatewayException tiny = GatewayException.builder(ErrorKind.UPSTREAM_UNAVAILABLE, "529").retryAfter(Duration.ofMillis(1)).build();
        assertThat(s.delay(1, tiny)).as("never shorter than the backoff").isEqualTo(Duration.ofMillis(100));
    }

    @Test
    void defaultIsNoRetry() {
        assertThat(RetrySchedule.of(RetrySettings.DEFAULTS).delay(1, GatewayException.of(ErrorKind.UPSTREAM_ERROR, "x"))).isNull();
    }
}
