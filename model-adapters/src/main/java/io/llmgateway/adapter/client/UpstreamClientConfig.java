package io.llmgateway.adapter.client;

import java.time.Duration;

/**
 * Settings of the shared upstream connection pool and of the byte limits applied to every answer.
 *
 * @param maxConnectionsPerHost concurrent connections to one upstream host:port (split evenly across the event loops)
 * @param pendingAcquireTimeout how long a request waits for a pooled connection
 * @param maxIdleTime           idle pooled connections are closed after this; keep it below the
 *                              upstreams' keep-alive timeout (uvicorn/vLLM: 5 s) to avoid reusing a
 *                              connection the server is closing
 * @param maxResponseBytes      cap on a non-streamed answer
 * @param maxEventBytes         cap on one stream event (and one line)
 * @param tls                   trust and client certificate for {@code https} upstreams
 */
public record UpstreamClientConfig(
        int maxConnectionsPerHost,
        Duration pendingAcquireTimeout,
        Duration maxIdleTime,
        int maxResponseBytes,
        int maxEventBytes,
        TlsSettings tls) {

    public static final UpstreamClientConfig DEFAULTS = new UpstreamClientConfig(
            4096, Duration.ofSeconds(30), Duration.ofSeconds(4), 64 * 1024 * 1024, 4 * 1024 * 1024);

    /** With the JVM's default TLS settings. */
    public UpstreamClientConfig(int maxConnectionsPerHost, Duration pendingAcquireTimeout, Duration maxIdleTime,
                                int maxResponseBytes, int maxEventBytes) {
        this(maxConnectionsPerHost, pendingAcquireTimeout, maxIdleTime, maxResponseBytes, maxEventBytes, TlsSettings.SYSTEM);
    }

    public UpstreamClientConfig {
        if (tls == null) {
            throw new IllegalArgumentException("tls must not be null (TlsSettings.SYSTEM for the JVM's defaults)");
        }
        positive("maxConnectionsPerHost", maxConnectionsPerHost);
        positive("maxResponseBytes", maxResponseBytes);
        positive("maxEventBytes", maxEventBytes);
        if (pendingAcquireTimeout == null || pendingAcquireTimeout.isNegative() || pendingAcquireTimeout.isZero()) {
            throw new IllegalArgumentException("pendingAcquireTimeout must be positive, got " + pendingAcquireTimeout);
        }
        if (maxIdleTime == null || maxIdleTime.isNegative() || maxIdleTime.isZero()) {
            throw new IllegalArgumentException("maxIdleTime must be positive, got " + maxIdleTime);
        }
    }

    private static void positive(String name, int v) {
        if (v <= 0) {
            throw new IllegalArgumentException(name + " must be positive, got " + v);
        }
    }
}
