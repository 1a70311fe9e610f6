package io.llmgateway.gateway.admission;

import io.llmgateway.gateway.observe.GatewayMeters;
import io.llmgateway.gateway.routing.RoutingStateHolder;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Admission wiring: limits in memory by default; with {@code gateway.redis.url} set, in Redis shared by
 * every replica, falling back to local limits while Redis is unreachable. Headroom and budget gauges are
 * registered for the policy's apps at start ({@link AdmissionGauges}).
 */
@Configuration(proxyBeanMethods = false)
public class AdmissionConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AdmissionConfiguration.class);

    @Bean(destroyMethod = "close")
    AdmissionBackends admissionBackends(RedisProperties redis, AdmissionProperties admission, MeterRegistry registry) {
        LocalLimitBackend local = new LocalLimitBackend();
        if (!redis.enabled()) {
            Gauge.builder("gateway.admission.backend", () -> 1).tag("state", "local").register(registry);
            Gauge.builder("gateway.admission.backend", () -> 0).tag("state", "redis").register(registry);
            return new AdmissionBackends(local, null);
        }
        RedisConnection connection = new RedisConnection(redis.url(), redis.timeout());
        log.info("admission limits and budgets are shared in Redis (key prefix '{}')", redis.keyPrefix());
        FailoverLimitBackend failover = new FailoverLimitBackend(new RedisLimitBackend(connection, redis.keyPrefix()), local,
                new FailoverLimitBackend.FailoverSettings(admission.replicas(), redis.timeout(), redis.probeInterval()), registry);
        return new AdmissionBackends(failover, connection);
    }

    @Bean
    AdmissionService admissionService(AdmissionBackends backends, AdmissionProperties admission, MeterRegistry registry,
                                      GatewayMeters meters, RoutingStateHolder routing) {
        AdmissionGauges gauges = new AdmissionGauges(meters, Clock.systemUTC(), admission.budgetZone());
        gauges.register(routing.current().policy().apps().values());
        return new AdmissionService(backends.backend(), admission, Clock.systemUTC(), registry, gauges);
    }

    /** The backend in use and the Redis connection to close on shutdown (null without Redis). */
    record AdmissionBackends(LimitBackend backend, RedisConnection connection) implements AutoCloseable {
        @Override
        public void close() {
            if (connection != null) {
                connection.close();
            }
        }
    }
}
