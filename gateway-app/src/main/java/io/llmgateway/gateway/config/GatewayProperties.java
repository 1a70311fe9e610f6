package io.llmgateway.gateway.config;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Process-level settings ({@code gateway.*}); routing lives in the policy file.
 *
 * @param policy   path of the policy YAML ({@code --gateway.policy=FILE} or env {@code GATEWAY_POLICY});
 *                 when empty the gateway runs the demo: simulated GPU nodes and an embedded policy
 * @param limits   request limits
 * @param upstream upstream connection pool
 * @param demo     demo mode
 * @param admin    admin API
 * @param routing  live routing inputs and policy reload
 * @param server   protection of the HTTP server against slow or stalled clients
 */
@ConfigurationProperties("gateway")
public record GatewayProperties(
        String policy,
        @DefaultValue Limits limits,
        @DefaultValue Upstream upstream,
        @DefaultValue Demo demo,
        @DefaultValue Admin admin,
        @DefaultValue Routing routing,
        @DefaultValue Server server) {

    /**
     * @param scrapeInterval how often deployments' {@code metrics-url} are scraped for engine load
     * @param staleAfter     a scraped sample older than this is ignored by the planner
     * @param watch          reload the policy when its file changes
     * @param watchDebounce  wait this long after the last change event before reloading
     * @param pollInterval   also check the file this often (file systems without change events); 0 = never
     */
    public record Routing(
            @DefaultValue("5s") Duration scrapeInterval,
            @DefaultValue("30s") Duration staleAfter,
            @DefaultValue("true") boolean watch,
            @DefaultValue("500ms") Duration watchDebounce,
            @DefaultValue("10s") Duration pollInterval) {
        public Routing {
            if (scrapeInterval.isNegative() || scrapeInterval.isZero()) {
                throw new IllegalArgumentException("gateway.routing.scrape-interval must be positive, got " + scrapeInterval);
            }
            if (pollInterval.isNegative() || watchDebounce.isNegative()) {
                throw new IllegalArgumentException("gateway.routing.poll-interval and watch-debounce must not be negative");
            }
        }
    }

    /**
     * @param maxBodyBytes largest accepted request body; larger gets 413
     */
    public record Limits(@DefaultValue("10485760") int maxBodyBytes) {
        public Limits {
            if (maxBodyBytes <= 0) {
                throw new IllegalArgumentException("gateway.limits.max-body-bytes must be positive, got " + maxBodyBytes);
            }
        }
    }

    /**
     * @param maxConnectionsPerHost pooled connections per upstream host, split evenly across the event loops
     * @param maxIdleTime           close idle upstream connections after this (below the upstreams' keep-alive)
     * @param maxResponseBytes      cap on a non-streamed upstream answer
     * @param maxEventBytes         cap on one upstream stream event
     * @param tls                   trust and client certificate for {@code https} upstreams
     */
    public record Upstream(
            @DefaultValue("4096") int maxConnectionsPerHost,
            @DefaultValue("4s") Duration maxIdleTime,
            @DefaultValue("67108864") int maxResponseBytes,
            @DefaultValue("4194304") int maxEventBytes,
            @DefaultValue Tls tls) {
    }

    /**
     * TLS towards {@code https} upstreams; unset = the JVM's default trust store, no client certificate.
     *
     * @param caFile   PEM bundle of the CAs to trust (e.g. the data centre's CA) instead of the JVM's
     * @param certFile PEM client certificate chain for mutual TLS (with {@code keyFile})
     * @param keyFile  PEM PKCS#8 private key of the client certificate
     */
    public record Tls(Path caFile, Path certFile, Path keyFile) {
        public Tls {
            if ((certFile == null) != (keyFile == null)) {
                throw new IllegalArgumentException("gateway.upstream.tls.cert-file and key-file must be set together");
            }
        }
    }

    /**
     * @param key  admin key for {@code /admin/**}: plain or {@code sha256:<hex>}; unset = admin API closed
     *             (demo mode uses {@code sk-admin-demo})
     * @param port serve the admin API and the status page on this port only (not on the API port); 0 = same port
     */
    public record Admin(String key, @DefaultValue("0") int port) {
        public Admin {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("gateway.admin.port must be within [0, 65535], got " + port);
            }
        }
    }

    /**
     * Against slow or stalled clients (the idle keep-alive timeout is {@code server.netty.idle-timeout}).
     *
     * @param readTimeout    longest gap between two reads while a request body arrives
     * @param requestTimeout longest time to receive a whole request body
     * @param writeTimeout   longest time one write to a client may take (a client that stops reading a stream);
     *                       keep it below the deployments' stream idle timeout, or a stalled client is
     *                       taken for a stalled upstream
     */
    public record Server(
            @DefaultValue("20s") Duration readTimeout,
            @DefaultValue("60s") Duration requestTimeout,
            @DefaultValue("20s") Duration writeTimeout) {
        public Server {
            for (Duration d : new Duration[] {readTimeout, requestTimeout, writeTimeout}) {
                if (d.isNegative() || d.isZero()) {
                    throw new IllegalArgumentException("gateway.server.read-timeout, request-timeout and write-timeout "
                            + "must be positive, got " + d);
                }
            }
        }
    }

    /**
     * @param basePort first port of the simulated nodes (A100, A10, closed API on basePort, +1, +2)
     * @param seed     seed of the simulated text
     */
    public record Demo(@DefaultValue("9001") int basePort, @DefaultValue("42") long seed) {
    }
}
