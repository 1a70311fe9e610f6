package io.llmgateway.bench.load;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * What a run records, safe to update from any event-loop thread: latency histograms in microseconds
 * (wait-free HdrHistogram recorders), counters, and the error kinds. Only requests issued inside the
 * measurement window are recorded; throughput counts the answers completed inside it.
 */
public final class Measurements {

    /** Latency distributions, in microseconds. */
    public enum Metric { E2E, TTFT, ITL, OVERHEAD }

    private final Map<Metric, Recorder> recorders = new ConcurrentHashMap<>();
    private final Map<Metric, Histogram> totals = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    final LongAdder sent = new LongAdder();
    final LongAdder ok = new LongAdder();
    final LongAdder okInWindow = new LongAdder();
    final LongAdder tokensInWindow = new LongAdder();
    final LongAdder outputTokens = new LongAdder();
    final LongAdder dropped = new LongAdder();
    final AtomicLong inFlight = new AtomicLong();
    final AtomicLong maxInFlight = new AtomicLong();
    final AtomicLong lastOkNanos = new AtomicLong();

    public Measurements() {
        for (Metric m : Metric.values()) {
            recorders.put(m, new Recorder(3));
            totals.put(m, new Histogram(3));
        }
    }

    void record(Metric metric, long nanos) {
        recorders.get(metric).recordValue(Math.max(0, nanos / 1000));
    }

    void error(String kind) {
        errors.computeIfAbsent(kind, k -> new LongAdder()).increment();
    }

    void started() {
        long now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
    }

    void ended() {
        inFlight.decrementAndGet();
    }

    /** Moves what was recorded since the last call into the totals and returns that interval's end-to-end histogram. */
    synchronized Histogram interval() {
        Histogram e2e = null;
        for (Metric m : Metric.values()) {
            Histogram h = recorders.get(m).getIntervalHistogram();
            totals.get(m).add(h);
            if (m == Metric.E2E) {
                e2e = h;
            }
        }
        return e2e;
    }

    /** Everything recorded so far. */
    synchronized Histogram total(Metric metric) {
        interval();
        return totals.get(metric).copy();
    }

    long errorCount() {
        return errors.values().stream().mapToLong(LongAdder::sum).sum();
    }

    Map<String, Long> errorKinds() {
        Map<String, Long> out = new TreeMap<>();
        errors.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }
}
