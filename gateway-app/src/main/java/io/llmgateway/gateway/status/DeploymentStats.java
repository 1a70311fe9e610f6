package io.llmgateway.gateway.status;

/**
 * Recent behaviour of one deployment as the gateway saw it: the outcome of the last attempts (for
 * health), smoothed latency and time to first token of the requests it served.
 */
public final class DeploymentStats {

    private static final int WINDOW = 20;
    private static final double ALPHA = 0.2;

    private final boolean[] lastOk = new boolean[WINDOW];
    private long attempts;
    private long failures;
    private double latencyMs = -1;
    private double ttftMs = -1;
    private long lastAttemptMs;
    private String lastError;

    synchronized void attempt(boolean ok, String outcome, double servedLatencyMs, double servedTtftMs) {
        lastOk[(int) (attempts % WINDOW)] = ok;
        attempts++;
        lastAttemptMs = System.currentTimeMillis();
        if (!ok && !"cancelled".equals(outcome)) {
            failures++;
            lastError = outcome;
        }
        if (servedLatencyMs >= 0) {
            latencyMs = latencyMs < 0 ? servedLatencyMs : latencyMs + ALPHA * (servedLatencyMs - latencyMs);
        }
        if (servedTtftMs > 0) {
            ttftMs = ttftMs < 0 ? servedTtftMs : ttftMs + ALPHA * (servedTtftMs - ttftMs);
        }
    }

    /** idle (no attempt yet), down (the last 5 failed), degraded (over 20% of the last 20 failed), up. */
    public synchronized String health() {
        if (attempts == 0) {
            return "idle";
        }
        int n = (int) Math.min(attempts, WINDOW);
        int bad = 0;
        int recentBad = 0;
        for (int k = 0; k < n; k++) {
            boolean ok = lastOk[(int) ((attempts - 1 - k) % WINDOW)];
            if (!ok) {
                bad++;
                if (k < 5) {
                    recentBad++;
                }
            }
        }
        if (recentBad == Math.min(5, n) && n >= 3) {
            return "down";
        }
        return bad * 5 > n ? "degraded" : "up";
    }

    public synchronized long attempts() { return attempts; }
    public synchronized long failures() { return failures; }
    public synchronized double latencyMs() { return latencyMs; }
    public synchronized double ttftMs() { return ttftMs; }
    public synchronized long lastAttemptMs() { return lastAttemptMs; }
    public synchronized String lastError() { return lastError; }
}
