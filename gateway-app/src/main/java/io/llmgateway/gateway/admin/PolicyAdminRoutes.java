package io.llmgateway.gateway.admin;

import io.llmgateway.gateway.config.GatewayProperties;
import io.llmgateway.gateway.routing.PolicyReloader;
import io.llmgateway.gateway.routing.RequestRouter;
import io.llmgateway.gateway.routing.RoutingStateHolder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/** {@code /admin/policy}, {@code /admin/policy/reload} and {@code /admin/route/explain}; {@link AdminAuthFilter} guards them. */
@Configuration(proxyBeanMethods = false)
public class PolicyAdminRoutes {

    @Bean
    RouterFunction<ServerResponse> policyAdminRouter(RoutingStateHolder routing, PolicyReloader reloader, RequestRouter router,
                                                     GatewayProperties props) {
        PolicyAdminHandler policy = new PolicyAdminHandler(routing, reloader);
        ExplainHandler explain = new ExplainHandler(routing, router, props.limits().maxBodyBytes());
        return RouterFunctions.route()
                .GET("/admin/policy", policy::show)
                .POST("/admin/policy/reload", policy::reload)
                .POST("/admin/route/explain", explain::explain)
                .build();
    }
}
