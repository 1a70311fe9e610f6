package io.llmgateway.adapter.client;

import io.llmgateway.adapter.UpstreamTarget;
import io.llmgateway.adapter.error.ErrorKind;
import io.llmgateway.adapter.error.GatewayException;
import java.time.Duration;

/**
 * The time limits of one upstream exchange, as instants on {@link System#nanoTime()}: a complete exchange has
 * only its total; a stream also the first event and the gap between events. {@link ExchangeWatch} asks for
 * the next instant due and, when it has passed, for the error that says which limit it was.
 */
final class Deadline {

    private final UpstreamTarget.Timeouts timeouts;
    private final boolean perEvent;
    private final long startNanos = System.nanoTime();
    private final long totalDue;
    private final long firstDue;
    private final long idleNanos;
    private volatile long lastEventNanos;
    private volatile boolean started;

    private Deadline(UpstreamTarget.Timeouts timeouts, boolean perEvent) {
        this.timeouts = timeouts;
        this.perEvent = perEvent;
        this.totalDue = startNanos + timeouts.total().toNanos();
        this.firstDue = startNanos + timeouts.firstToken().toNanos();
        this.idleNanos = timeouts.idle().toNanos();
    }

    /** A streamed exchange: first event, idle gap and total. */
    static Deadline stream(UpstreamTarget.Timeouts timeouts) {
        return new Deadline(timeouts, true);
    }

    /** A complete exchange: the total only. */
    static Deadline exchange(UpstreamTarget.Timeouts timeouts) {
        return new Deadline(timeouts, false);
    }

    /** An event arrived: the idle limit counts from now. */
    void event() {
        lastEventNanos = System.nanoTime();
        if (!started) {
            started = true;
        }
    }

    /** The instant the exchange expires unless another event arrives first. */
    long dueNanos() {
        if (!perEvent) {
            return totalDue;
        }
        long next = started ? lastEventNanos + idleNanos : firstDue;
        return next - totalDue < 0 ? next : totalDue;
    }

    /**
     * The error for an exchange that expired at {@code nowNanos}. A stream idle while nobody was waiting for
     * an event is the client's stall (it stopped reading, so the upstream was not read either), not the
     * upstream's.
     */
    GatewayException expired(UpstreamTarget target, long nowNanos, boolean demandOutstanding) {
        String who = "upstream '" + target.deploymentId() + "'";
        if (!perEvent) {
            return GatewayException.of(ErrorKind.TIMEOUT, who + " did not answer within " + human(timeouts.total()));
        }
        if (!demandOutstanding) {
            return GatewayException.of(ErrorKind.CLIENT_STALLED, "the client stopped reading the stream from " + who);
        }
        if (nowNanos - totalDue >= 0) {
            return GatewayException.of(ErrorKind.TIMEOUT, who + " did not finish within " + human(timeouts.total()));
        }
        if (!started) {
            return GatewayException.of(ErrorKind.TIMEOUT, who + " sent no first token within " + human(timeouts.firstToken()));
        }
        return GatewayException.of(ErrorKind.TIMEOUT, who + " stalled: no stream event for " + human(timeouts.idle()));
    }

    static String human(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + "s" : ms + "ms";
    }
}
