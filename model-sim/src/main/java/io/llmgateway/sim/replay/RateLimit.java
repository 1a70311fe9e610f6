package io.llmgateway.sim.replay;

/**
 * OpenAI-style per-minute limits in virtual time, as the simulator's API profile applies them: two token
 * buckets, requests and tokens (prompt + {@code max_tokens}), full at the start and refilled continuously.
 * A limit of 0 is unlimited.
 */
final class RateLimit {

    private final int rpm;
    private final long tpm;
    private double requests;
    private double tokens;
    private double lastMs;

    RateLimit(int rpm, long tpm) {
        this.rpm = rpm;
        this.tpm = tpm;
        this.requests = rpm;
        this.tokens = tpm;
    }

    /** Takes one request and {@code requestedTokens}, or refuses (nothing taken). */
    boolean admit(double nowMs, long requestedTokens) {
        double minutes = Math.max(0, nowMs - lastMs) / 60_000.0;
        lastMs = Math.max(lastMs, nowMs);
        requests = Math.min(rpm, requests + minutes * rpm);
        tokens = Math.min(tpm, tokens + minutes * tpm);
        if (rpm > 0 && requests < 1 || tpm > 0 && tokens < requestedTokens) {
            return false;
        }
        requests -= rpm > 0 ? 1 : 0;
        tokens -= tpm > 0 ? requestedTokens : 0;
        return true;
    }
}
