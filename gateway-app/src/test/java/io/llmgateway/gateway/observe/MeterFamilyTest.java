package io.llmgateway.gateway.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class MeterFamilyTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final MeterFamily<Counter> family = MeterFamily.counter(registry, "x.requests", "app", "outcome");

    @Test
    void aMeterIsTheRegisteredOneWithItsValuesUnderTheirKeys() {
        family.get("billing", "served").increment();
        family.get("billing", "served").increment(2);
        family.get("search", "served").increment();

        assertThat(registry.get("x.requests").tag("app", "billing").tag("outcome", "served").counter().count()).isEqualTo(3.0);
        assertThat(registry.get("x.requests").tag("app", "search").tag("outcome", "served").counter().count()).isEqualTo(1.0);
        assertThat(family.get("billing", "served")).isSameAs(registry.get("x.requests").tags("app", "billing", "outcome", "served").counter());
    }

    @Test
    void valuesAreKeptApartByPositionNotJustByContent() {
        family.get("served", "billing").increment();
        family.get("billing", "served").increment(5);

        assertThat(registry.get("x.requests").tag("app", "served").tag("outcome", "billing").counter().count()).isEqualTo(1.0);
        assertThat(registry.get("x.requests").tag("app", "billing").tag("outcome", "served").counter().count()).isEqualTo(5.0);
    }

    @Test
    void aWrongNumberOfValuesIsRefused() {
        assertThatThrownBy(() -> family.get("billing")).isInstanceOf(IllegalArgumentException.class);
    }
}
