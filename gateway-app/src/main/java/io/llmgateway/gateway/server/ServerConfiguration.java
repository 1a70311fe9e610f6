package io.llmgateway.gateway.server;

import io.llmgateway.gateway.config.GatewayProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.reactor.netty.NettyReactiveWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.webflux.autoconfigure.WebHttpHandlerBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.server.reactive.HttpHandler;

/** Server hardening: client timeouts on every listener, and the optional separate admin port. */
@Configuration(proxyBeanMethods = false)
public class ServerConfiguration {

    @Bean
    ServerTimeouts serverTimeouts(GatewayProperties props) {
        return new ServerTimeouts(props.server());
    }

    @Bean
    WebServerFactoryCustomizer<NettyReactiveWebServerFactory> gatewayServerTimeouts(ServerTimeouts timeouts) {
        return factory -> factory.addServerCustomizers(timeouts);
    }

    /** On the handler every listener (API and admin port) serves: unparseable Content-Type -> 415, not a dropped connection. */
    @Bean
    WebHttpHandlerBuilderCustomizer contentTypeGuard(MeterRegistry registry) {
        Counter refused = registry.counter("gateway.http.refused", "reason", "content_type");
        return builder -> builder.httpHandlerDecorator(h -> new ContentTypeGuard(h, refused));
    }

    @Bean
    @ConditionalOnExpression("${gateway.admin.port:0} > 0")
    AdminPortFilter adminPortFilter(GatewayProperties props) {
        return new AdminPortFilter(props.admin().port());
    }

    @Bean
    @ConditionalOnExpression("${gateway.admin.port:0} > 0")
    AdminPortServer adminPortServer(GatewayProperties props, ServerTimeouts timeouts, ObjectProvider<HttpHandler> handler,
                                    Environment env) {
        return new AdminPortServer(env.getProperty("server.address", "0.0.0.0"), props.admin().port(), timeouts,
                new LazyHttpHandler(handler));
    }
}
