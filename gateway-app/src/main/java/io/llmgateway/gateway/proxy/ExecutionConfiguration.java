package io.llmgateway.gateway.proxy;

import io.github.resilience4j.micrometer.tagged.TaggedBulkheadMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.llmgateway.adapter.client.UpstreamClient;
import io.llmgateway.gateway.resilience.DeploymentGuards;
import io.llmgateway.gateway.resilience.PolicyResilience;
import io.llmgateway.gateway.routing.RoutingStateHolder;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The executor and its guards. Circuit breakers and bulkheads are published to Micrometer
 * ({@code resilience4j_circuitbreaker_state}, {@code resilience4j_bulkhead_available_concurrent_calls}, ...).
 * The guards follow policy reloads by themselves (they compare the running policy on each use). As a
 * {@code CircuitStates} bean the guards feed the planner's live snapshot.
 */
@Configuration(proxyBeanMethods = false)
public class ExecutionConfiguration {

    @Bean
    DeploymentGuards deploymentGuards(RoutingStateHolder routing, MeterRegistry registry) {
        DeploymentGuards guards = new DeploymentGuards(PolicyResilience::settingsOf, () -> routing.current().policy());
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(guards.circuitBreakers()).bindTo(registry);
        TaggedBulkheadMetrics.ofBulkheadRegistry(guards.bulkheads()).bindTo(registry);
        return guards;
    }

    @Bean
    ZoneCheck zoneCheck(RoutingStateHolder routing) {
        return new DataClassZoneCheck(() -> routing.current().policy());
    }

    @Bean
    ProxyService proxyService(UpstreamClient client, DeploymentGuards guards, ZoneCheck zones, MeterRegistry registry) {
        return new ProxyService(client, guards, zones, registry);
    }
}
