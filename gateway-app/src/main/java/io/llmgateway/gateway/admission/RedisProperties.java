package io.llmgateway.gateway.admission;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Shared state for limits and budgets ({@code gateway.redis.*}).
 *
 * @param url           {@code redis://[:password@]host:port[/db]} (or {@code rediss://}); unset = limits in memory
 * @param keyPrefix     prefix of every key (several gateways can share one Redis with different prefixes)
 * @param timeout       longest wait for one Redis call before admission falls back to local limits
 * @param probeInterval how often to check whether an unreachable Redis is back
 */
@ConfigurationProperties("gateway.redis")
public record RedisProperties(
        String url,
        @DefaultValue("llmgw") String keyPrefix,
        @DefaultValue("500ms") Duration timeout,
        @DefaultValue("1s") Duration probeInterval) {

    public RedisProperties {
        if (keyPrefix.isBlank() || keyPrefix.contains("{") || keyPrefix.contains("}")) {
            throw new IllegalArgumentException("gateway.redis.key-prefix must be non-blank without braces, got '" + keyPrefix + "'");
        }
        if (timeout.isNegative() || timeout.isZero() || probeInterval.isNegative() || probeInterval.isZero()) {
            throw new IllegalArgumentException("gateway.redis.timeout and probe-interval must be positive");
        }
    }

    public boolean enabled() {
        return url != null && !url.isBlank();
    }
}
