package io.llmgateway.adapter.client;

import io.llmgateway.adapter.UpstreamTarget;
import io.netty.util.concurrent.EventExecutor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.concurrent.atomic.AtomicLongFieldUpdater;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Operators;
import reactor.util.context.Context;

/**
 * Enforces a {@link Deadline} on an upstream exchange with one timer on the connection's event loop, re-armed
 * lazily: an event only notes its arrival time, and the timer, when it fires, either finds the exchange
 * expired or sets itself again for the instant now due (as Netty's idle handlers do). Reactor's
 * {@code timeout(first, next)} instead schedules and cancels a task on the parallel scheduler for every event
 * (a locked queue shared with the other event loops) and names its source chain when assembled; at a
 * stream's 17 events that was several percent of the gateway's CPU. It also tracks the demand the
 * subscriber has signalled and not yet received, so an expiry with none outstanding is reported as the
 * client's stall.
 *
 * <p>On expiry the source is cancelled (which closes the upstream exchange) and the subscriber gets the
 * deadline's error. The source's signals and the timer run on the same event loop (the lane's), so they
 * are serialised; a terminal signal from elsewhere (a pool timeout) is ordered by {@code done}.
 */
final class ExchangeWatch<T> extends Flux<T> {

    private final Flux<? extends T> source;
    private final Deadline deadline;
    private final EventExecutor loop;
    private final UpstreamTarget target;

    ExchangeWatch(Flux<? extends T> source, Deadline deadline, EventExecutor loop, UpstreamTarget target) {
        this.source = source;
        this.deadline = deadline;
        this.loop = loop;
        this.target = target;
    }

    @Override
    public void subscribe(CoreSubscriber<? super T> actual) {
        source.subscribe(new Watch<>(actual, deadline, loop, target));
    }

    static final class Watch<T> implements CoreSubscriber<T>, Subscription, Runnable {

        private static final AtomicIntegerFieldUpdater<Watch> DONE = AtomicIntegerFieldUpdater.newUpdater(Watch.class, "done");
        @SuppressWarnings("rawtypes")
        private static final AtomicLongFieldUpdater<Watch> REQUESTED = AtomicLongFieldUpdater.newUpdater(Watch.class, "requested");

        private final CoreSubscriber<? super T> actual;
        private final Deadline deadline;
        private final EventExecutor loop;
        private final UpstreamTarget target;
        private Subscription upstream;
        private volatile ScheduledFuture<?> timer;
        private volatile int done;
        private volatile long requested;

        Watch(CoreSubscriber<? super T> actual, Deadline deadline, EventExecutor loop, UpstreamTarget target) {
            this.actual = actual;
            this.deadline = deadline;
            this.loop = loop;
            this.target = target;
        }

        @Override
        public Context currentContext() {
            return actual.currentContext();
        }

        @Override
        public void onSubscribe(Subscription s) {
            if (Operators.validate(upstream, s)) {
                upstream = s;
                actual.onSubscribe(this);
                arm(deadline.dueNanos() - System.nanoTime());
            }
        }

        @Override
        public void onNext(T t) {
            if (done != 0) {
                Operators.onNextDropped(t, actual.currentContext());
                return;
            }
            deadline.event();
            Operators.produced(REQUESTED, this, 1);
            actual.onNext(t);
        }

        @Override
        public void onError(Throwable t) {
            if (DONE.compareAndSet(this, 0, 1)) {
                disarm();
                actual.onError(t);
            } else {
                Operators.onErrorDropped(t, actual.currentContext());
            }
        }

        @Override
        public void onComplete() {
            if (DONE.compareAndSet(this, 0, 1)) {
                disarm();
                actual.onComplete();
            }
        }

        @Override
        public void request(long n) {
            if (Operators.validate(n)) {
                Operators.addCap(REQUESTED, this, n);
                upstream.request(n);
            }
        }

        @Override
        public void cancel() {
            if (DONE.compareAndSet(this, 0, 1)) {
                disarm();
            }
            upstream.cancel();
        }

        /** The timer: expire the exchange, or set it again for the instant now due. */
        @Override
        public void run() {
            if (done != 0) {
                return;
            }
            long now = System.nanoTime();
            long due = deadline.dueNanos();
            if (now - due < 0) {
                arm(due - now);
                return;
            }
            if (DONE.compareAndSet(this, 0, 1)) {
                upstream.cancel();
                actual.onError(deadline.expired(target, now, requested > 0));
            }
        }

        private void arm(long delayNanos) {
            if (done != 0) {
                return;
            }
            timer = loop.schedule(this, Math.max(0, delayNanos), TimeUnit.NANOSECONDS);
            if (done != 0) {
                disarm();
            }
        }

        private void disarm() {
            ScheduledFuture<?> t = timer;
            if (t != null) {
                t.cancel(false);
            }
        }
    }
}
