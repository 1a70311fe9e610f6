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
        client.window(t.windowStart(), t.windowEnd());
        Random random = new Random(o.seed());
        double gapNanos = 1e9 / o.rate();
        double offset = 0;
        long measured = 0;
        for (long n = 0; ; n++) {
            long due = t.start() + (long) offset;
            if (due >= t.windowEnd() || o.maxRequests() > 0 && measured >= o.maxRequests()) {
                return;
            }
            Timeline.sleepUntil(due);
            boolean inWindow = client.inWindow(due);
            if (inWindow) {
                measured++;
            }
            if (m.inFlight.get() >= o.maxOutstanding()) {
                if (inWindow) {
                    m.dropped.increment();
                }
            } else {
                client.send(bodies.body(n), bodies.sample(n).outputTokens(), due).subscribe();
            }
            offset += o.poisson() ? -Math.log(1 - random.nextDouble()) * gapNanos : gapNanos;
        }
    }
}
