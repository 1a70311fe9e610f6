package io.llmgateway.gateway.resilience;

import java.time.Duration;

/** Fail-fast validation for the settings records: the message names the knob and the bad value. */
final class Checks {

    private Checks() {
    }

    static void range(String name, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be within [" + min + ", " + max + "], got " + value);
        }
    }

    static void positive(String name, Duration d) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration, got " + d);
        }
    }
}
