package io.llmgateway.bench.load;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * N workers, each sending its next request as soon as the previous one is answered (closed loop): the way to
 * find maximum throughput, and to hold N streams open at once. Workers start spread over {@code --ramp}.
 * Latency counts from the actual send.
 */
final class ClosedLoop {

    private ClosedLoop() {
    }

    /** Runs until the window ends (or the request count is reached); returns once the workers have stopped. */
    static void run(LoadOptions o, LoadClient client, RequestBodies bodies, Timeline t) {
        client.window(t.windowStart(), t.windowEnd());
        AtomicLong next = new AtomicLong();
        AtomicLong measured = new AtomicLong();
        int n = o.concurrency();
        Duration limit = o.ramp().plus(o.warmup()).plus(o.duration()).plus(o.drain()).plus(Duration.ofSeconds(5));
        Flux.range(0, n)
                .flatMap(i -> Mono.delay(Duration.ofNanos(o.ramp().toNanos() * i / n))
                        .thenMany(Mono.defer(() -> one(o, client, bodies, t, next, measured))
                                .repeat(() -> more(o, t, measured))), n)
                .onErrorResume(e -> Mono.empty())
                .blockLast(limit);
    }

    private static Mono<Void> one(LoadOptions o, LoadClient client, RequestBodies bodies, Timeline t,
                                  AtomicLong next, AtomicLong measured) {
        long now = System.nanoTime();
        if (!more(o, t, measured)) {
            return Mono.empty();
        }
        if (client.inWindow(now)) {
            measured.incrementAndGet();
        }
        long k = next.getAndIncrement();
        return client.send(bodies.body(k), bodies.sample(k).outputTokens(), now);
    }

    private static boolean more(LoadOptions o, Timeline t, AtomicLong measured) {
        return System.nanoTime() < t.windowEnd() && (o.maxRequests() == 0 || measured.get() < o.maxRequests());
    }
}
