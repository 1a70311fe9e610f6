package io.llmgateway.policy;

import java.time.Duration;
import java.util.Objects;

/**
 * Time limits for one upstream exchange.
 *
 * @param connect    TCP (and TLS) connect
 * @param firstToken from sending the request to the first response byte/event (headers for non-streams)
 * @param idle       longest gap between two stream events once streaming
 * @param total      whole exchange, first byte to last
 */
public record Timeouts(Duration connect, Duration firstToken, Duration idle, Duration total) {

    public static final Timeouts DEFAULTS = new Timeouts(
            Duration.ofSeconds(5), Duration.ofSeconds(60), Duration.ofSeconds(30), Duration.ofMinutes(10));

    public Timeouts {
        Objects.requireNonNull(connect, "connect");
        Objects.requireNonNull(firstToken, "firstToken");
        Objects.requireNonNull(idle, "idle");
        Objects.requireNonNull(total, "total");
    }
}
