package io.llmgateway.sim;

import java.util.Objects;

/**
 * Faults a node injects into the requests it receives next. Immutable; build with {@link #builder()}.
 * Token-count faults use {@link #OFF} (-1) when disabled; {@code 0} means "right after the headers".
 *
 * @param errorRate                  probability (0..1) of answering 500 with an error body
 * @param statusRate                 probability (0..1) of answering {@code status} with {@code Retry-After}
 * @param status                     HTTP status used by {@code statusRate} (400..599, default 503)
 * @param retryAfterSeconds          value of the {@code Retry-After} header for {@code statusRate}
 * @param statusBody                 body shape for {@code statusRate} and {@code errorRate} answers
 * @param hangBeforeHeaders          accept requests but never answer
 * @param stallMidStreamAfterTokens  send N token steps, then keep the connection open and silent
 * @param dropMidStreamAfterTokens   send N token steps, then close the TCP connection
 * @param malformedChunkAfterTokens  after N token steps, emit one data line that is not valid JSON
 * @param slowDripMs                 extra wall-clock delay before each token step
 * @param down                       close the listening socket (connection refused) until up again
 * @param downForMs                  with {@code down}: come back up after this many ms (0 = stay down)
 * @param wrongContentType           answer {@code 200 text/html} instead of the API response
 * @param latencyMultiplier          multiplies the performance model's step and latency times
 */
public record FaultConfig(
        double errorRate,
        double statusRate,
        int status,
        int retryAfterSeconds,
        ErrorBodyFormat statusBody,
        boolean hangBeforeHeaders,
        int stallMidStreamAfterTokens,
        int dropMidStreamAfterTokens,
        int malformedChunkAfterTokens,
        long slowDripMs,
        boolean down,
        long downForMs,
        boolean wrongContentType,
        double latencyMultiplier) {

    /** Value of a token-count fault that is switched off. */
    public static final int OFF = -1;

    private static final FaultConfig NONE = builder().build();

    public FaultConfig {
        requireRate("error_rate", errorRate);
        requireRate("status_rate", statusRate);
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("status must be within [400, 599], was " + status);
        }
        requireAtLeast("retry_after_seconds", retryAfterSeconds, 0);
        Objects.requireNonNull(statusBody, "status_body must not be null");
        requireAtLeast("stall_mid_stream_after_tokens", stallMidStreamAfterTokens, OFF);
        requireAtLeast("drop_mid_stream_after_tokens", dropMidStreamAfterTokens, OFF);
        requireAtLeast("malformed_chunk_after_tokens", malformedChunkAfterTokens, OFF);
        requireAtLeast("slow_drip_ms", slowDripMs, 0);
        requireAtLeast("down_for_ms", downForMs, 0);
        if (!(latencyMultiplier > 0) || Double.isInfinite(latencyMultiplier)) {
            throw new IllegalArgumentException("latency_multiplier must be a finite number > 0, was " + latencyMultiplier);
        }
    }

    /** No faults at all. */
    public static FaultConfig none() {
        return NONE;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** True when this config injects nothing. */
    public boolean isNone() {
        return equals(NONE);
    }

    private static void requireRate(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be within [0, 1], was " + value);
        }
    }

    private static void requireAtLeast(String name, long value, long min) {
        if (value < min) {
            throw new IllegalArgumentException(name + " must be >= " + min + ", was " + value);
        }
    }

    /** Mutable builder; every setter returns {@code this}, {@link #build()} validates. */
    public static final class Builder {
        private double errorRate;
        private double statusRate;
        private int status = 503;
        private int retryAfterSeconds = 1;
        private ErrorBodyFormat statusBody = ErrorBodyFormat.NATIVE;
        private boolean hangBeforeHeaders;
        private int stallAfter = OFF;
        private int dropAfter = OFF;
        private int malformedAfter = OFF;
        private long slowDripMs;
        private boolean down;
        private long downForMs;
        private boolean wrongContentType;
        private double latencyMultiplier = 1.0;

        private Builder() {
        }

        private Builder(FaultConfig c) {
            errorRate = c.errorRate;
            statusRate = c.statusRate;
            status = c.status;
            retryAfterSeconds = c.retryAfterSeconds;
            statusBody = c.statusBody;
            hangBeforeHeaders = c.hangBeforeHeaders;
            stallAfter = c.stallMidStreamAfterTokens;
            dropAfter = c.dropMidStreamAfterTokens;
            malformedAfter = c.malformedChunkAfterTokens;
            slowDripMs = c.slowDripMs;
            down = c.down;
            downForMs = c.downForMs;
            wrongContentType = c.wrongContentType;
            latencyMultiplier = c.latencyMultiplier;
        }

        public Builder errorRate(double rate) { this.errorRate = rate; return this; }

        public Builder statusRate(double rate) { this.statusRate = rate; return this; }

        public Builder status(int status) { this.status = status; return this; }

        public Builder retryAfterSeconds(int seconds) { this.retryAfterSeconds = seconds; return this; }

        public Builder statusBody(ErrorBodyFormat format) { this.statusBody = format; return this; }

        public Builder hangBeforeHeaders(boolean hang) { this.hangBeforeHeaders = hang; return this; }

        public Builder stallMidStreamAfterTokens(int tokens) { this.stallAfter = tokens; return this; }

        public Builder dropMidStreamAfterTokens(int tokens) { this.dropAfter = tokens; return this; }

        public Builder malformedChunkAfterTokens(int tokens) { this.malformedAfter = tokens; return this; }

        public Builder slowDripMs(long ms) { this.slowDripMs = ms; return this; }

        public Builder down(boolean down) { this.down = down; return this; }

        public Builder downForMs(long ms) { this.downForMs = ms; return this; }

        public Builder wrongContentType(boolean wrong) { this.wrongContentType = wrong; return this; }

        public Builder latencyMultiplier(double multiplier) { this.latencyMultiplier = multiplier; return this; }

        public FaultConfig build() {
            return new FaultConfig(errorRate, statusRate, status, retryAfterSeconds, statusBody, hangBeforeHeaders,
                    stallAfter, dropAfter, malformedAfter, slowDripMs, down, downForMs, wrongContentType,
                    latencyMultiplier);
        }
    }
}
