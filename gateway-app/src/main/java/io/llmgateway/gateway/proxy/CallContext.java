package io.llmgateway.gateway.proxy;

import io.llmgateway.adapter.error.GatewayException;
import io.llmgateway.adapter.schema.Operation;
import io.llmgateway.adapter.schema.Usage;
import io.micrometer.observation.Observation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * What happened to one client request, filled in as it goes and read once at the end by the
 * observers (metrics, access log, ledger). Holds no prompt or completion text.
 * Written by one request's signals at a time; fields are volatile for the final read.
 */
public final class CallContext {

    private final String requestId;
    private final Operation operation;
    private final long startNanos = System.nanoTime();
    private final java.time.Instant startedAt = java.time.Instant.now();
    private final List<Attempt> attempts = Collections.synchronizedList(new ArrayList<>(2));
    private volatile String appId;
    private volatile String alias;
    private volatile boolean stream;
    private volatile String rule;
    private volatile String deploymentId;
    private volatile int promptEstimate;
    private volatile long upstreamStartNanos;
    private volatile long upstreamFirstNanos;
    private volatile long firstByteNanos;
    private volatile long endNanos;
    private volatile Usage usage;
    private volatile int status;
    private volatile GatewayException error;
    private volatile boolean cancelled;
    private volatile String dataClass;
    private volatile Sensitivity sensitivity;
    private volatile double costUsd;
    private volatile Listener listener = Listener.NONE;
    private volatile Observation observation;
    private volatile String traceId;

    public CallContext(String requestId, Operation operation) {
        this.requestId = requestId;
        this.operation = operation;
    }

    /**
     * Told when an upstream attempt starts and ends (in-flight gauges, tracing spans). An attempt that
     * is never ended (a cancelled non-streamed call) is closed by the observers when the call finishes.
     */
    public interface Listener {
        Listener NONE = new Listener() { };

        default void attemptStarted(CallContext call, String deploymentId) { }

        default void attemptEnded(CallContext call, String deploymentId, String outcome) { }

        /**
         * Headers to send upstream with the attempt just started on this deployment (the trace context of
         * its span: {@code traceparent}, {@code tracestate}); none by default.
         */
        default Map<String, String> attemptHeaders(CallContext call, String deploymentId) {
            return Map.of();
        }
    }

    /** One try against one deployment. */
    public record Attempt(String deploymentId, String outcome, long durationNanos) {
    }

    /**
     * What the sensitivity classifier found: detector ids and counts only, never matched text.
     *
     * @param findings  finding id -> number of matches, in detector order
     * @param redacted  finding ids masked before the request went upstream
     * @param scan      {@code complete}, or why not ({@code size_cap}, {@code deadline}, {@code regex_budget},
     *                  {@code detector_failed}, {@code failed}); an incomplete scan makes the request most sensitive
     * @param scanNanos time the classification took
     */
    public record Sensitivity(java.util.Map<String, Integer> findings, java.util.Set<String> redacted, String scan,
                              long scanNanos) {
        public Sensitivity {
            findings = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(findings));
            redacted = java.util.Set.copyOf(redacted);
        }

        /** {@code id:count,...} (empty when nothing fired), for the ledger and the access log. */
        public String detectors() {
            StringBuilder sb = new StringBuilder();
            findings.forEach((id, n) -> sb.append(sb.isEmpty() ? "" : ",").append(id).append(':').append(n));
            return sb.toString();
        }
    }

    public String requestId() { return requestId; }
    public Operation operation() { return operation; }
    public long startNanos() { return startNanos; }
    public String appId() { return appId; }
    public String alias() { return alias; }
    public boolean stream() { return stream; }
    public String rule() { return rule; }
    public String deploymentId() { return deploymentId; }
    public int promptEstimate() { return promptEstimate; }
    public Usage usage() { return usage; }
    public int status() { return status; }
    public GatewayException error() { return error; }
    public boolean cancelled() { return cancelled; }
    public List<Attempt> attempts() { return List.copyOf(attempts); }
    /** Wall-clock arrival time (for the ledger); durations use the monotonic clock. */
    public java.time.Instant startedAt() { return startedAt; }
    /** Effective data class of the request, or null before classification. */
    public String dataClass() { return dataClass; }
    /** USD cost of the request, set once by the accounting step before the other observers run. */
    public double costUsd() { return costUsd; }

    public void dataClass(String dataClass) { this.dataClass = dataClass; }

    /** What the classifier found, or null before classification (or when the request never got that far). */
    public Sensitivity sensitivity() { return sensitivity; }

    public void sensitivity(Sensitivity sensitivity) { this.sensitivity = sensitivity; }

    public void listener(Listener listener) { this.listener = listener == null ? Listener.NONE : listener; }

    /** The server request's observation, parent of the gateway's spans (classify, plan, attempts); null without one. */
    public Observation observation() { return observation; }

    /** W3C trace id of the request (the client's when it sent a {@code traceparent}), or null when not traced. */
    public String traceId() { return traceId; }

    public void trace(Observation observation, String traceId) {
        this.observation = observation;
        this.traceId = traceId;
    }

    public void costUsd(double usd) { this.costUsd = usd; }

    public void app(String appId) { this.appId = appId; }

    public void request(String alias, boolean stream, int promptEstimate) {
        this.alias = alias;
        this.stream = stream;
        this.promptEstimate = promptEstimate;
    }

    public void rule(String rule) { this.rule = rule; }

    public void attemptStarted(String deploymentId) {
        this.deploymentId = deploymentId;
        this.upstreamStartNanos = System.nanoTime();
        this.upstreamFirstNanos = 0;
        listener.attemptStarted(this, deploymentId);
    }

    /**
     * The attempt whose answer is being relayed (it produced the first token); with hedging another
     * attempt may have started later, so this puts deployment and upstream timing back on the winner.
     */
    public void servedBy(String deploymentId, long attemptStartNanos) {
        if (!deploymentId.equals(this.deploymentId) || upstreamStartNanos != attemptStartNanos) {
            this.deploymentId = deploymentId;
            this.upstreamStartNanos = attemptStartNanos;
            this.upstreamFirstNanos = 0;
        }
    }

    /** Headers the listeners add to the upstream request of the attempt just started on this deployment. */
    public Map<String, String> attemptHeaders(String deploymentId) {
        return listener.attemptHeaders(this, deploymentId);
    }

    public void attemptEnded(String deploymentId, String outcome) {
        attempts.add(new Attempt(deploymentId, outcome, System.nanoTime() - upstreamStartNanos));
        listener.attemptEnded(this, deploymentId, outcome);
    }

    /** The upstream's first byte/event (non-stream: the whole answer) arrived. */
    public void upstreamFirst() {
        if (upstreamFirstNanos == 0) {
            upstreamFirstNanos = System.nanoTime();
        }
    }

    /** The first byte went to the client: from now on there is no failover. */
    public void firstByte() {
        if (firstByteNanos == 0) {
            firstByteNanos = System.nanoTime();
        }
    }

    public boolean committed() { return firstByteNanos != 0; }

    public void usage(Usage usage) { this.usage = usage; }

    public void finish(int status, GatewayException error, boolean cancelled) {
        this.status = status;
        this.error = error;
        this.cancelled = cancelled;
        this.endNanos = System.nanoTime();
    }

    /** Whether any attempt reached an upstream (and so must be accounted). */
    public boolean reachedUpstream() { return upstreamStartNanos != 0; }

    public long durationNanos() { return (endNanos == 0 ? System.nanoTime() : endNanos) - startNanos; }

    /** Time from request arrival to the first byte sent to the client, or 0. */
    public long timeToFirstByteNanos() { return firstByteNanos == 0 ? 0 : firstByteNanos - startNanos; }

    /** Upstream time to first token (stream) or to the whole answer, for the committed attempt; 0 if none. */
    public long upstreamFirstNanos() {
        return upstreamFirstNanos == 0 || upstreamStartNanos == 0 ? 0 : upstreamFirstNanos - upstreamStartNanos;
    }

    /**
     * Time the gateway itself added before the first byte: time to first byte minus the upstream's own
     * time to first token of the attempt that served (earlier failed attempts count as gateway time).
     */
    public long overheadNanos() {
        long ttfb = timeToFirstByteNanos();
        long up = upstreamFirstNanos();
        return ttfb == 0 || up == 0 ? 0 : Math.max(0, ttfb - up);
    }
}
