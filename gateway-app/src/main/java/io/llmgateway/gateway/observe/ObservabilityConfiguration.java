package io.llmgateway.gateway.observe;

import io.llmgateway.gateway.ledger.CallCosting;
import io.llmgateway.gateway.ledger.LedgerObserver;
import io.llmgateway.gateway.routing.RoutingStateHolder;
import io.llmgateway.gateway.status.StatusBoard;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The observers told about every finished call, in order: costing first (the others read the cost it
 * sets), then in-flight gauges, attempt spans, metrics, the access log, the usage ledger and the status
 * page's board. Spans go through Boot's {@link ObservationRegistry} (tracing and timers; docs/operations.md).
 */
@Configuration(proxyBeanMethods = false)
public class ObservabilityConfiguration {

    @Bean
    GatewayMeters gatewayMeters(MeterRegistry registry, RoutingStateHolder routing) {
        GatewayMeters meters = new GatewayMeters(registry);
        meters.preregister(routing.current().policy().deployments().keySet());
        return meters;
    }

    @Bean
    CallTracing callTracing(ObjectProvider<ObservationRegistry> observations) {
        return new CallTracing(observations.getIfAvailable(() -> ObservationRegistry.NOOP));
    }

    @Bean
    CallObserver callObserver(GatewayMeters meters, RoutingStateHolder routing, CallCosting costing,
                              LedgerObserver ledger, StatusBoard board, ObjectProvider<ObservationRegistry> observations) {
        AttemptTracingObserver attempts = new AttemptTracingObserver(observations.getIfAvailable(() -> ObservationRegistry.NOOP),
                id -> routing.current().policy().deployments().get(id));
        return new CompositeCallObserver(List.of(costing, new InFlightObserver(meters), attempts, new MetricsObserver(meters, routing),
                new AccessLogObserver(), ledger, board));
    }
}
