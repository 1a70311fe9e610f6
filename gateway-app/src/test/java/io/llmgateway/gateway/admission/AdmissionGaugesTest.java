package io.llmgateway.gateway.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.llmgateway.gateway.observe.GatewayMeters;
import io.llmgateway.policy.App;
import io.llmgateway.policy.AppLimits;
import io.llmgateway.policy.Budget;
import io.llmgateway.policy.DataClasses;
import io.llmgateway.policy.Limits;
import io.llmgateway.policy.Priority;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Headroom and budget gauges from real local-backend decisions: series only for apps of the policy with a
 * limit or budget, values as of the last decision, a window that emptied reads full, a new day reads unspent.
 */
class AdmissionGaugesTest {

    static final Instant T0 = Instant.parse("2025-06-01T10:00:00Z");

    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final MutableClock clock = new MutableClock(T0);
    final AdmissionGauges gauges = new AdmissionGauges(new GatewayMeters(registry), clock, ZoneOffset.UTC);
    final LocalLimitBackend backend = new LocalLimitBackend();

    final App limited = app("support", new Limits(10, 1000, 0), Map.of(), new Budget(2.0, 10.0, 50));
    final App modelOnly = app("batch", Limits.NONE, Map.of("chat", new Limits(5, 0, 0)), Budget.NONE);
    final App free = app("free", Limits.NONE, Map.of(), Budget.NONE);

    @Test
    void seriesExistFromStartOnlyForWhatThePolicyLimits() {
        gauges.register(List.of(limited, modelOnly, free));
        assertThat(value("gateway.limit.headroom", "support", "limit", "rpm")).isEqualTo(1.0);
        assertThat(value("gateway.limit.headroom", "support", "limit", "tpm")).isEqualTo(1.0);
        assertThat(value("gateway.budget.used.ratio", "support", "period", "daily")).isZero();
        assertThat(value("gateway.budget.used.ratio", "support", "period", "monthly")).isZero();
        assertThat(value("gateway.budget.soft.ratio", "support", "period", "daily")).isEqualTo(0.5);
        assertThat(registry.find("gateway.limit.headroom").tag("app", "batch").gauges()).isEmpty();
        assertThat(registry.find("gateway.limit.headroom").tag("app", "free").gauges()).isEmpty();
        assertThat(registry.find("gateway.budget.used.ratio").tag("app", "free").gauges()).isEmpty();
        assertThat(registry.find("gateway.budget.used.ratio").tag("app", "batch").gauges()).isEmpty();
    }

    @Test
    void valuesFollowTheLastDecisionUntilTheWindowEmptiesOrThePeriodEnds() {
        gauges.register(List.of(limited));
        admit(300, 0.5);
        admit(200, 1.0);
        assertThat(value("gateway.limit.headroom", "support", "limit", "rpm")).isCloseTo(0.8, within(1e-9));
        assertThat(value("gateway.limit.headroom", "support", "limit", "tpm")).isCloseTo(0.5, within(1e-9));
        assertThat(value("gateway.budget.used.ratio", "support", "period", "daily")).isCloseTo(0.75, within(1e-9));
        assertThat(value("gateway.budget.used.ratio", "support", "period", "monthly")).isCloseTo(0.15, within(1e-9));

        clock.advance(Duration.ofSeconds(61));
        assertThat(value("gateway.limit.headroom", "support", "limit", "rpm")).isEqualTo(1.0);
        assertThat(value("gateway.limit.headroom", "support", "limit", "tpm")).isEqualTo(1.0);
        assertThat(value("gateway.budget.used.ratio", "support", "period", "daily")).isCloseTo(0.75, within(1e-9));

        clock.advance(Duration.ofDays(1));
        assertThat(value("gateway.budget.used.ratio", "support", "period", "daily")).isZero();
        assertThat(value("gateway.budget.used.ratio", "support", "period", "monthly")).isCloseTo(0.15, within(1e-9));
    }

    @Test
    void aRefusalShowsNoHeadroomAndAnAppFirstSeenAfterAReloadGetsItsSeries() {
        App tight = app("late", new Limits(1, 0, 0), Map.of(), Budget.NONE);
        Scope scope = new Scope("app", tight.limits().overall());
        for (int i = 0; i < 2; i++) {
            AdmissionCommand c = Commands.of("late", clock.millis(), 10, scope);
            gauges.observe(tight.budget(), c, backend.decide(c));
        }
        assertThat(value("gateway.limit.headroom", "late", "limit", "rpm")).isZero();
        assertThat(registry.find("gateway.budget.used.ratio").tag("app", "late").gauges()).isEmpty();

        gauges.unlimited("late");
        assertThat(value("gateway.limit.headroom", "late", "limit", "rpm")).isNaN();
    }

    private void admit(long tokens, double cost) {
        BudgetCheck b = new BudgetCheck(AdmissionService.DAY.format(clock.instant().atZone(ZoneOffset.UTC)),
                AdmissionService.MONTH.format(clock.instant().atZone(ZoneOffset.UTC)), 2.0, 10.0, cost);
        AdmissionCommand c = Commands.of("support", clock.millis(), tokens, b, new Scope("app", limited.limits().overall()));
        Verdict v = backend.decide(c);
        assertThat(v.admitted()).isTrue();
        gauges.observe(limited.budget(), c, v);
    }

    private double value(String name, String app, String key, String tag) {
        return registry.get(name).tag("app", app).tag(key, tag).gauge().value();
    }

    private static App app(String id, Limits overall, Map<String, Limits> perModel, Budget budget) {
        return new App(id, List.of(), Set.of(), DataClasses.DEFAULTS.lowest(), Set.of(), Priority.INTERACTIVE,
                new AppLimits(overall, perModel), budget);
    }

    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
