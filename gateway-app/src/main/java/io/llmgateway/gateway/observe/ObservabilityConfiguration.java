package io.llmgateway.gateway.observe;

import io.llmgateway.gateway.ledger.CallCosting;
import io.llmgateway.gateway.ledger.LedgerObserver;
import io.llmgateway.gateway.routing.RoutingStateHolder;
import io.llmgateway.gateway.status.StatusBoard;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The observers told about every finished call, in order: costing first (the others read the cost it
 * sets), then metrics, the access log, the usage ledger and the status page's board.
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
    CallObserver callObserver(GatewayMeters meters, RoutingStateHolder routing, CallCosting costing,
                              LedgerObserver ledger, StatusBoard board) {
        return new CompositeCallObserver(List.of(costing, new InFlightObserver(meters), new MetricsObserver(meters, routing),
                new AccessLogObserver(), ledger, board));
    }
}
