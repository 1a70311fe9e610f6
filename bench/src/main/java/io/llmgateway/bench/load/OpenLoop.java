package io.llmgateway.bench.load;

import java.util.Random;

/**
 * Issues requests at a fixed rate regardless of how fast they are answered (open loop): the n-th request is
 * due at {@code start + n / rate} (or after exponential gaps with {@code --arrival poisson}), and its latency
 * counts from then, so a target that stalls is charged for the whole stall. A request that would exceed
 * {@code --max-outstanding} in flight is not sent and counts as dropped.
 */
final class OpenLoop {

    private OpenLoop() {
    }

    static void run(LoadOptions o, LoadClient client, RequestBodies bodies, Measurements m, Timeline t) {
        paired(o, client, bodies, m, null, null, null, t);
    }

    /**
     * The open loop with a baseline interleaved (when {@code baseline} is not null): request n goes to
     * {@code client} when due and the same request (its body for the baseline's model) to {@code baseline}
     * half-way to the next arrival. Both targets see the same rate, the same request sequence and the same
     * moments of the machine's weather.
     */
    static void paired(LoadOptions o, LoadClient client, RequestBodies bodies, Measurements m,
                       LoadClient baseline, RequestBodies baselineBodies, Measurements mb, Timeline t) {
        client.window(t.windowStart(), t.windowEnd());
        if (baseline != null) {
            baseline.window(t.windowStart(), t.windowEnd());
        }
        Random random = new Random(o.seed());
        double gapNanos = 1e9 / o.rate();
        double offset = 0;
        long measured = 0;
        for (long n = 0; ; n++) {
            long due = t.start() + (long) offset;
            if (due >= t.windowEnd() || o.maxRequests() > 0 && measured >= o.maxRequests()) {
                return;
            }
            offset += o.poisson() ? -Math.log(1 - random.nextDouble()) * gapNanos : gapNanos;
            Timeline.sleepUntil(due);
            if (client.inWindow(due)) {
                measured++;
            }
            issue(o, client, bodies, m, n, due);
            if (baseline != null) {
                long baselineDue = due + (t.start() + (long) offset - due) / 2;
                Timeline.sleepUntil(baselineDue);
                issue(o, baseline, baselineBodies, mb, n, baselineDue);
            }
        }
    }

    private static void issue(LoadOptions o, LoadClient client, RequestBodies bodies, Measurements m, long n, long due) {
        if (m.inFlight.get() >= o.maxOutstanding()) {
            if (client.inWindow(due)) {
                m.dropped.increment();
            }
        } else {
            client.send(bodies.body(n), bodies.sample(n).outputTokens(), due).subscribe();
        }
    }
}
