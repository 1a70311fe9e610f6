package io.llmgateway.gateway.config;

import io.llmgateway.adapter.WireAdapters;
import io.llmgateway.adapter.client.UpstreamClient;
import io.llmgateway.adapter.client.TlsSettings;
import io.llmgateway.adapter.client.UpstreamClientConfig;
import io.llmgateway.gateway.admin.AdminAuthFilter;
import io.llmgateway.gateway.admission.AdmissionService;
import io.llmgateway.gateway.api.GatewayErrorHandler;
import io.llmgateway.gateway.api.ModelsHandler;
import io.llmgateway.gateway.api.OpenAiHandler;
import io.llmgateway.gateway.api.OpenAiRoutes;
import io.llmgateway.gateway.api.RequestIdFilter;
import io.llmgateway.gateway.auth.ApiKeyAuthenticator;
import io.llmgateway.gateway.observe.CallObserver;
import io.llmgateway.gateway.observe.CallTracing;
import io.llmgateway.gateway.proxy.ProxyService;
import io.llmgateway.gateway.routing.RoutingStateCompiler;
import io.llmgateway.gateway.sensitivity.SensitivityProperties;
import io.llmgateway.gateway.routing.RoutingStateHolder;
import io.llmgateway.gateway.observe.CompositeCallObserver;
import io.llmgateway.gateway.routing.RequestRouter;
import io.llmgateway.gateway.routing.RoutingFeedbackObserver;
import java.util.List;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

/** Wires the pure modules (routing-policy, model-adapters) into the WebFlux application. */
@Configuration(proxyBeanMethods = false)
public class GatewayConfiguration {

    @Bean(destroyMethod = "close")
    PolicyBootstrap policyBootstrap(GatewayProperties props) {
        return PolicyBootstrap.from(props);
    }

    @Bean
    WireAdapters wireAdapters() {
        return WireAdapters.standard();
    }

    @Bean
    RoutingStateCompiler routingStateCompiler(WireAdapters adapters, SensitivityProperties sensitivity) {
        return new RoutingStateCompiler(adapters, System::getenv, sensitivity.scanTimeout());
    }

    @Bean
    RoutingStateHolder routingStateHolder(PolicyBootstrap bootstrap, RoutingStateCompiler compiler) {
        return new RoutingStateHolder(compiler.compile(bootstrap.initial()));
    }

    @Bean(destroyMethod = "close")
    UpstreamClient upstreamClient(GatewayProperties props) {
        GatewayProperties.Upstream u = props.upstream();
        return new UpstreamClient(new UpstreamClientConfig(u.maxConnectionsPerHost(), Duration.ofSeconds(30),
                u.maxIdleTime(), u.maxResponseBytes(), u.maxEventBytes(),
                new TlsSettings(u.tls().caFile(), u.tls().certFile(), u.tls().keyFile())));
    }

    @Bean
    ApiKeyAuthenticator apiKeyAuthenticator() {
        return new ApiKeyAuthenticator();
    }

    @Bean
    RouterFunction<ServerResponse> openAiRoutes(RoutingStateHolder routing, ApiKeyAuthenticator auth,
                                                GatewayProperties props, ProxyService proxy, CallObserver callObserver,
                                                RequestRouter router, RoutingFeedbackObserver feedback,
                                                AdmissionService admission, CallTracing tracing) {
        OpenAiHandler inference = new OpenAiHandler(new OpenAiHandler.Stages(routing, auth, props.limits().maxBodyBytes(),
                router, proxy, new CompositeCallObserver(List.of(callObserver, feedback, admission)), admission, tracing));
        return OpenAiRoutes.routes(inference, new ModelsHandler(routing, auth));
    }

    @Bean
    RequestIdFilter requestIdFilter() {
        return new RequestIdFilter();
    }

    @Bean
    AdminAuthFilter adminAuthFilter(GatewayProperties props, PolicyBootstrap bootstrap) {
        String key = props.admin().key();
        if ((key == null || key.isBlank()) && bootstrap.demo()) {
            key = "sk-admin-demo";
        }
        return new AdminAuthFilter(AdminAuthFilter.hashOf(key));
    }

    @Bean
    GatewayErrorHandler gatewayErrorHandler() {
        return new GatewayErrorHandler();
    }
}
