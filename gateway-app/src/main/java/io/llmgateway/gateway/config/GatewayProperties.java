package io.llmgateway.gateway.config;

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
 */
@ConfigurationProperties("gateway")
public record GatewayProperties(
        String policy,
        @DefaultValue Limits limits,
        @DefaultValue Upstream upstream,
        @DefaultValue Demo demo,
        @DefaultValue Admin admin,
        @DefaultValue Routing routing) {

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
     * @param maxConnectionsPerHost pooled connections per upstream host
     * @param maxIdleTime           close idle upstream connections after this (below the upstreams' keep-alive)
     * @param maxResponseBytes      cap on a non-streamed upstream answer
     * @param maxEventBytes         cap on one upstream stream event
     */
    public record Upstream(
            @DefaultValue("4096") int maxConnectionsPerHost,
            @DefaultValue("4s") Duration maxIdleTime,
            @DefaultValue("67108864") int maxResponseBytes,
            @DefaultValue("4194304") int maxEventBytes) {
    }

    /**
     * @param key admin key for {@code /admin/**}: plain or {@code sha256:<hex>}; unset = admin API closed
     *            (demo mode uses {@code sk-admin-demo})
     */
    public record Admin(String key) {
    }

    /**
     * @param basePort first port of the simulated nodes (A100, A10, closed API on basePort, +1, +2)
     * @param seed     seed of the simulated text
     */
    public record Demo(@DefaultValue("9001") int basePort, @DefaultValue("42") long seed) {
    }
}
