package io.llmgateway.gateway.resilience;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.llmgateway.policy.Priority;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;

/**
 * A deployment's concurrency slots (a Resilience4j bulkhead that never blocks) plus a bounded,
 * non-blocking waiting room in front of it. Interactive requests are served before batch ones; when the
 * room is full an interactive request takes the place of the latest batch one, which is refused. A
 * request that waits longer than the limit, or finds the room full, is refused so the executor can try
 * the next candidate.
 */
final class WaitingRoom {

    private static final int WAITING = 0;
    private static final int GRANTED = 1;
    private static final int GONE = 2;

    private final String deploymentId;
    private final Bulkhead bulkhead;
    private final BulkheadSettings settings;
    private final Deque<Waiter> interactive = new ArrayDeque<>();
    private final Deque<Waiter> batch = new ArrayDeque<>();

    WaitingRoom(String deploymentId, Bulkhead bulkhead, BulkheadSettings settings) {
        this.deploymentId = deploymentId;
        this.bulkhead = bulkhead;
        this.settings = settings;
    }

    Bulkhead bulkhead() {
        return bulkhead;
    }

    BulkheadSettings settings() {
        return settings;
    }

    synchronized int waiting() {
        return interactive.size() + batch.size();
    }

    /** Emits the permit once it holds a slot; a permit that is dropped on cancel is discarded (and so released). */
    Mono<Permit> enter(Permit permit, Priority priority) {
        return Mono.<Permit>create(sink -> admit(new Waiter(permit, priority, sink)))
                .doOnDiscard(Permit.class, Permit::cancelled);
    }

    private void admit(Waiter w) {
        Waiter evicted = null;
        synchronized (this) {
            boolean ahead = w.priority == Priority.INTERACTIVE ? interactive.isEmpty() : interactive.isEmpty() && batch.isEmpty();
            if (ahead && bulkhead.tryAcquirePermission()) {
                w.state.set(GRANTED);
            } else if (settings.maxQueue() == 0) {
                w.state.set(GONE);
            } else {
                if (waitingLocked() >= settings.maxQueue()) {
                    if (w.priority == Priority.INTERACTIVE && !batch.isEmpty()) {
                        evicted = batch.pollLast();
                        evicted.state.set(GONE);
                    } else {
                        w.state.set(GONE);
                    }
                }
                if (w.state.get() == WAITING) {
                    (w.priority == Priority.INTERACTIVE ? interactive : batch).addLast(w);
                    w.sink.onCancel(() -> giveUp(w, null));
                    w.timer = Mono.delay(settings.maxQueueWait()).subscribe(t -> giveUp(w, "no slot within " + human(settings.maxQueueWait())));
                }
            }
        }
        if (evicted != null) {
            refuse(evicted, "queue full; interactive traffic has priority");
        }
        if (w.state.get() == GRANTED) {
            w.permit.granted();
            w.sink.success(w.permit);
        } else if (w.state.get() == GONE) {
            w.permit.abandoned();
            w.sink.error(GuardErrors.saturated(deploymentId, settings.maxQueue() == 0
                    ? "all " + settings.maxConcurrency() + " slots are busy" : "all slots busy and the queue is full"));
        }
    }

    private void giveUp(Waiter w, String why) {
        boolean removed;
        synchronized (this) {
            removed = w.state.compareAndSet(WAITING, GONE);
            if (removed) {
                interactive.remove(w);
                batch.remove(w);
            }
        }
        if (removed) {
            w.permit.abandoned();
            if (w.timer != null) {
                w.timer.dispose();
            }
            if (why != null) {
                w.sink.error(GuardErrors.saturated(deploymentId, why));
            }
        }
    }

    /** Refuses a waiter already taken out of the queue (and marked gone) under the lock. */
    private void refuse(Waiter w, String why) {
        if (w.timer != null) {
            w.timer.dispose();
        }
        w.permit.abandoned();
        w.sink.error(GuardErrors.saturated(deploymentId, why));
    }

    /** A slot came free: hand it to the next waiter, interactive first. */
    void leave() {
        bulkhead.onComplete();
        List<Waiter> granted = new ArrayList<>(1);
        synchronized (this) {
            while (waitingLocked() > 0) {
                Deque<Waiter> q = interactive.isEmpty() ? batch : interactive;
                if (!bulkhead.tryAcquirePermission()) {
                    break;
                }
                Waiter w = q.pollFirst();
                if (w.state.compareAndSet(WAITING, GRANTED)) {
                    granted.add(w);
                } else {
                    bulkhead.onComplete();
                }
            }
        }
        for (Waiter w : granted) {
            w.timer.dispose();
            w.permit.granted();
            w.sink.success(w.permit);
        }
    }

    private int waitingLocked() {
        return interactive.size() + batch.size();
    }

    private static String human(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }

    private static final class Waiter {
        final Permit permit;
        final Priority priority;
        final MonoSink<Permit> sink;
        final AtomicInteger state = new AtomicInteger(WAITING);
        volatile Disposable timer;

        Waiter(Permit permit, Priority priority, MonoSink<Permit> sink) {
            this.permit = permit;
            this.priority = priority;
            this.sink = sink;
        }
    }
}
