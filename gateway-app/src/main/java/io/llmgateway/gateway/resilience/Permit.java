package io.llmgateway.gateway.resilience;

import io.llmgateway.adapter.error.ErrorKind;
import io.llmgateway.adapter.error.GatewayException;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One call's right to use a deployment: a circuit-breaker permission and a bulkhead slot. Ends exactly
 * once, telling the breaker what happened. The breaker times a call to its first token (streams) or to
 * its whole answer (non-streams), so slow calls mean slow to start, not long answers.
 */
public final class Permit {

    private final CircuitBreaker breaker;
    private final WaitingRoom room;
    private final AtomicBoolean ended = new AtomicBoolean();
    private volatile long grantedNanos;
    private volatile long firstNanos;

    Permit(CircuitBreaker breaker, WaitingRoom room) {
        this.breaker = breaker;
        this.room = room;
    }

    void granted() {
        grantedNanos = System.nanoTime();
    }

    /** The first token (or the whole non-streamed answer) arrived. */
    public void firstToken() {
        if (firstNanos == 0) {
            firstNanos = System.nanoTime();
        }
    }

    public void succeeded() {
        if (ended.compareAndSet(false, true)) {
            breaker.onSuccess(measured(), TimeUnit.NANOSECONDS);
            room.leave();
        }
    }

    public void failed(Throwable error) {
        if (error instanceof GatewayException g && g.kind() == ErrorKind.CLIENT_STALLED) {
            cancelled(); // the client stopped reading: not the deployment's fault
            return;
        }
        if (ended.compareAndSet(false, true)) {
            breaker.onError(measured(), TimeUnit.NANOSECONDS, error);
            room.leave();
        }
    }

    /** The caller went away (client cancel, lost hedge): not the deployment's fault unless it was slow to start. */
    public void cancelled() {
        if (ended.compareAndSet(false, true)) {
            if (firstNanos != 0) {
                breaker.onSuccess(firstNanos - grantedNanos, TimeUnit.NANOSECONDS);
            } else {
                breaker.releasePermission();
            }
            room.leave();
        }
    }

    /** Never got a slot (refused or given up while waiting): give the breaker permission back. */
    void abandoned() {
        if (ended.compareAndSet(false, true)) {
            breaker.releasePermission();
        }
    }

    private long measured() {
        long end = firstNanos != 0 ? firstNanos : System.nanoTime();
        return Math.max(0, end - grantedNanos);
    }

    Bulkhead bulkhead() {
        return room.bulkhead();
    }
}
