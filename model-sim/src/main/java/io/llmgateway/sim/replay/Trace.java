package io.llmgateway.sim.replay;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A request trace, sorted by arrival; the first request arrives at 0 ms.
 *
 * @param source   where it was read from (shown in reports)
 * @param requests in arrival order
 */
public record Trace(String source, List<TraceRequest> requests) {

    public Trace {
        Objects.requireNonNull(source, "source");
        requests = List.copyOf(requests);
    }

    /** The first {@code n} requests (all when there are fewer). */
    public Trace first(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("limit must be >= 1, was " + n);
        }
        return n >= requests.size() ? this : new Trace(source, requests.subList(0, n));
    }

    /**
     * The same requests arriving {@code scale} times faster ({@code scale} 2 = twice the load; 0.5 = half).
     * Wall-clock arrival times are compressed around the first request too.
     */
    public Trace timeScaled(double scale) {
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("time scale must be a finite number > 0, was " + scale);
        }
        if (scale == 1 || requests.isEmpty()) {
            return this;
        }
        long start = requests.get(0).epochMillis();
        List<TraceRequest> out = new ArrayList<>(requests.size());
        for (TraceRequest r : requests) {
            double at = r.arrivalMs() / scale;
            out.add(new TraceRequest(r.index(), at, start + Math.round(at), r.promptTokens(), r.outputTokens()));
        }
        return new Trace(source, out);
    }

    /** Arrival of the last request, ms after the first. */
    public double spanMs() {
        return requests.isEmpty() ? 0 : requests.get(requests.size() - 1).arrivalMs();
    }
}
