package io.llmgateway.adapter.client;

import io.llmgateway.adapter.UpstreamTarget;
import io.llmgateway.adapter.error.ErrorKind;
import io.llmgateway.adapter.error.GatewayException;
import java.time.Duration;
import reactor.core.publisher.Mono;

/**
 * The three time limits of one streamed exchange (first event, idle gap, total) as Reactor timeout
 * triggers, and the error that says which one fired.
 */
final class Deadline {

    private final UpstreamTarget.Timeouts timeouts;
    private final long startNanos = System.nanoTime();
    private volatile boolean started;

    Deadline(UpstreamTarget.Timeouts timeouts) {
        this.timeouts = timeouts;
    }

    Mono<Long> first() {
        return Mono.delay(min(timeouts.firstToken(), remaining()));
    }

    Mono<Long> next() {
        started = true;
        return Mono.delay(min(timeouts.idle(), remaining()));
    }

    GatewayException error(UpstreamTarget target) {
        String who = "upstream '" + target.deploymentId() + "'";
        if (remaining().toMillis() <= 5) {
            return GatewayException.of(ErrorKind.TIMEOUT, who + " did not finish within " + human(timeouts.total()));
        }
        if (!started) {
            return GatewayException.of(ErrorKind.TIMEOUT, who + " sent no first token within " + human(timeouts.firstToken()));
        }
        return GatewayException.of(ErrorKind.TIMEOUT, who + " stalled: no stream event for " + human(timeouts.idle()));
    }

    private Duration remaining() {
        Duration left = timeouts.total().minusNanos(System.nanoTime() - startNanos);
        return left.isNegative() ? Duration.ZERO : left;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    static String human(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + "s" : ms + "ms";
    }
}
