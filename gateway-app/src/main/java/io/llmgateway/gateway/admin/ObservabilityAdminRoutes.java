package io.llmgateway.gateway.admin;

import io.llmgateway.gateway.ledger.LedgerWriter;
import io.llmgateway.gateway.routing.RoutingStateHolder;
import io.llmgateway.gateway.status.BackendsView;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/** {@code /admin/usage} and {@code /admin/backends}; {@link AdminAuthFilter} guards them with the admin key. */
@Configuration(proxyBeanMethods = false)
public class ObservabilityAdminRoutes {

    @Bean
    RouterFunction<ServerResponse> usageAndBackendsRoutes(ObjectProvider<LedgerWriter> ledger, RoutingStateHolder routing,
                                                            BackendsView backends) {
        UsageHandler usage = new UsageHandler(ledger.getIfAvailable());
        BackendsHandler backendsHandler = new BackendsHandler(routing, backends, ledger.getIfAvailable());
        return RouterFunctions.route()
                .GET("/admin/usage", usage::usage)
                .GET("/admin/backends", backendsHandler::backends)
                .build();
    }
}
