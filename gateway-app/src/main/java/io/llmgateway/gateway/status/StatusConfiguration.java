package io.llmgateway.gateway.status;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;

import io.llmgateway.gateway.observe.GatewayMeters;
import io.llmgateway.policy.live.CircuitStates;
import io.llmgateway.gateway.routing.RoutingStateHolder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/** The built-in status page at {@code /} (static HTML + JS under {@code static/status/}) and its feed. */
@Configuration(proxyBeanMethods = false)
public class StatusConfiguration {

    @Bean
    StatusBoard statusBoard() {
        return new StatusBoard();
    }

    @Bean
    BackendsView backendsView(StatusBoard board, GatewayMeters meters, ObjectProvider<CircuitStates> circuits) {
        return new BackendsView(board, meters, circuits.getIfUnique());
    }

    @Bean
    RouterFunction<ServerResponse> statusRoutes(RoutingStateHolder routing, StatusBoard board, BackendsView backends) {
        StatusFeedHandler feed = new StatusFeedHandler(routing, board, backends);
        ClassPathResource page = new ClassPathResource("static/status/index.html");
        return RouterFunctions.route()
                .GET("/", r -> ServerResponse.ok().contentType(MediaType.TEXT_HTML)
                        .cacheControl(CacheControl.noCache()).bodyValue(page))
                .route(GET("/status/feed"), feed::feed)
                .build();
    }
}
