package io.llmgateway.adapter.error;

import java.time.Duration;
import java.util.Objects;

/**
 * Every failure the gateway reports to a client. Its {@link ErrorKind} decides status, type and
 * retryability in one place; the message is safe to show (never prompt text, never a secret).
 */
public final class GatewayException extends RuntimeException {

    private final ErrorKind kind;
    private final String param;
    private final String code;
    private final Duration retryAfter;
    private final int upstreamStatus;
    private final boolean definitive;

    private GatewayException(Builder b) {
        super(b.message, b.cause, false, false);
        this.kind = b.kind;
        this.param = b.param;
        this.code = b.code != null ? b.code : b.kind.code();
        this.retryAfter = b.retryAfter;
        this.upstreamStatus = b.upstreamStatus;
        this.definitive = b.definitive;
    }

    public static GatewayException of(ErrorKind kind, String message) {
        return builder(kind, message).build();
    }

    public static Builder builder(ErrorKind kind, String message) {
        return new Builder(kind, message);
    }

    public ErrorKind kind() {
        return kind;
    }

    public int status() {
        return kind.status();
    }

    public String param() {
        return param;
    }

    public String code() {
        return code;
    }

    /** How long the upstream asked us to wait, or null. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** The upstream's HTTP status, or 0 when the failure did not come from an upstream answer. */
    public int upstreamStatus() {
        return upstreamStatus;
    }

    public boolean retryable() {
        return kind.retryable();
    }

    /**
     * Whether the same request sent again now would get the same answer: a refusal that follows from the
     * policy and the request alone, not from a deployment's momentary state. Clients are told not to
     * retry it ({@code x-should-retry: false}, which the OpenAI SDKs obey; they retry 5xx and 429 by default).
     */
    public boolean definitive() {
        return definitive;
    }

    public static final class Builder {
        private final ErrorKind kind;
        private final String message;
        private String param;
        private String code;
        private Duration retryAfter;
        private int upstreamStatus;
        private Throwable cause;
        private boolean definitive;

        private Builder(ErrorKind kind, String message) {
            this.kind = Objects.requireNonNull(kind, "kind");
            this.message = Objects.requireNonNull(message, "message");
        }

        public Builder param(String param) {
            this.param = param;
            return this;
        }

        public Builder code(String code) {
            this.code = code;
            return this;
        }

        public Builder retryAfter(Duration retryAfter) {
            this.retryAfter = retryAfter;
            return this;
        }

        public Builder upstreamStatus(int status) {
            this.upstreamStatus = status;
            return this;
        }

        /** See {@link GatewayException#definitive()}. */
        public Builder definitive(boolean definitive) {
            this.definitive = definitive;
            return this;
        }

        public Builder cause(Throwable cause) {
            this.cause = cause;
            return this;
        }

        public GatewayException build() {
            return new GatewayException(this);
        }
    }
}
