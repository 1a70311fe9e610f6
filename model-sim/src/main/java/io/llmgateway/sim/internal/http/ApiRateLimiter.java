package io.llmgateway.sim.internal.http;

import io.llmgateway.sim.internal.protocol.ApiException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * OpenAI-style per-minute limits on requests and tokens: two token buckets refilled continuously, in real
 * time. Every answer carries the {@code x-ratelimit-*} headers; a refusal is a 429 with {@code Retry-After}.
 */
final class ApiRateLimiter {
    private final int rpm;
    private final long tpm;
    private double requests;
    private double tokens;
    private long last = System.nanoTime();

    ApiRateLimiter(int rpm, long tpm) {
        this.rpm = rpm;
        this.tpm = tpm;
        this.requests = rpm;
        this.tokens = tpm;
    }

    /** The outcome of one admission: headers to send, and the refusal when refused. */
    record Decision(Map<String, String> headers, ApiException refusal, long retryAfterSeconds) {
        boolean admitted() {
            return refusal == null;
        }
    }

    synchronized Decision admit(long requestedTokens) {
        refill();
        ApiException refusal = null;
        double wait = 0;
        if (rpm > 0 && requests < 1) {
            wait = (1 - requests) * 60.0 / rpm;
            refusal = refusal("requests", "requests per min (RPM)", rpm, rpm - (long) requests, 1, wait);
        } else if (tpm > 0 && tokens < requestedTokens) {
            wait = (Math.min(requestedTokens, tpm) - tokens) * 60.0 / tpm;
            refusal = refusal("tokens", "tokens per min (TPM)", tpm, tpm - (long) tokens, requestedTokens, wait);
        } else {
            requests -= rpm > 0 ? 1 : 0;
            tokens -= tpm > 0 ? requestedTokens : 0;
        }
        return new Decision(headers(), refusal, (long) Math.ceil(Math.max(wait, 1e-3)));
    }

    private void refill() {
        long now = System.nanoTime();
        double minutes = (now - last) / 60e9;
        last = now;
        requests = Math.min(rpm, requests + minutes * rpm);
        tokens = Math.min(tpm, tokens + minutes * tpm);
    }

    private Map<String, String> headers() {
        Map<String, String> h = new LinkedHashMap<>();
        if (rpm > 0) {
            h.put("x-ratelimit-limit-requests", Long.toString(rpm));
            h.put("x-ratelimit-remaining-requests", Long.toString((long) Math.max(0, requests)));
            h.put("x-ratelimit-reset-requests", duration((rpm - requests) * 60.0 / rpm));
        }
        if (tpm > 0) {
            h.put("x-ratelimit-limit-tokens", Long.toString(tpm));
            h.put("x-ratelimit-remaining-tokens", Long.toString((long) Math.max(0, tokens)));
            h.put("x-ratelimit-reset-tokens", duration((tpm - tokens) * 60.0 / tpm));
        }
        return h;
    }

    private static ApiException refusal(String type, String what, long limit, long used, long requested, double wait) {
        String message = "Rate limit reached for " + type + " in organization org-sim on " + what + ": Limit " + limit
                + ", Used " + used + ", Requested " + requested + ". Please try again in " + duration(wait)
                + ". Visit https://platform.openai.com/account/rate-limits to learn more.";
        return new ApiException(429, message, null, type, "rate_limit_exceeded");
    }

    /** OpenAI's reset format: {@code 120ms}, {@code 1.5s}, {@code 6m0s}. */
    static String duration(double seconds) {
        if (seconds < 1) {
            return Math.round(seconds * 1000) + "ms";
        }
        if (seconds < 60) {
            return (Math.round(seconds * 10) / 10.0) + "s";
        }
        long s = Math.round(seconds);
        return (s / 60) + "m" + (s % 60) + "s";
    }
}
