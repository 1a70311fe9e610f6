package io.llmgateway.gateway.routing;

import io.llmgateway.gateway.config.GatewayProperties;
import io.llmgateway.gateway.config.PolicyBootstrap;
import io.llmgateway.policy.live.CircuitStates;
import io.llmgateway.policy.live.LiveTrackers;
import io.llmgateway.policy.route.Planner;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The routing side of the gateway: live trackers and what feeds them (call feedback, metrics scraper),
 * the request router (facts + planner), and policy reload (file watcher, admin endpoint). Circuit states
 * come from a {@link CircuitStates} bean when the executor provides one; all closed otherwise.
 */
@Configuration(proxyBeanMethods = false)
public class RoutingConfiguration {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(RoutingConfiguration.class);

    @Bean
    LiveTrackers liveTrackers(GatewayProperties props) {
        return new LiveTrackers(System::currentTimeMillis, props.routing().staleAfter().toMillis());
    }

    @Bean
    Planner planner() {
        return new Planner();
    }

    @Bean
    RequestRouter requestRouter(Planner planner, LiveTrackers trackers, ObjectProvider<CircuitStates> circuits,
                                MeterRegistry registry) {
        // resolved once, on first use (the executor's bean may be created after this one), not per request
        java.util.function.Supplier<CircuitStates> states = new java.util.function.Supplier<>() {
            private volatile CircuitStates resolved;

            @Override
            public CircuitStates get() {
                CircuitStates s = resolved;
                if (s == null) {
                    s = circuits.getIfAvailable(() -> CircuitStates.ALL_CLOSED);
                    resolved = s;
                }
                return s;
            }
        };
        return new RequestRouter(planner, new DataClassResolver(), trackers, states, new RouteMetrics(registry));
    }

    @Bean
    RoutingFeedbackObserver routingFeedbackObserver(LiveTrackers trackers) {
        return new RoutingFeedbackObserver(trackers);
    }

    @Bean(initMethod = "start", destroyMethod = "close")
    MetricsScraper metricsScraper(RoutingStateHolder routing, LiveTrackers trackers, MeterRegistry registry,
                                  GatewayProperties props) {
        return new MetricsScraper(routing, trackers, registry, props.routing().scrapeInterval());
    }

    @Bean
    PolicyReloader policyReloader(PolicyBootstrap bootstrap, RoutingStateHolder holder, RoutingStateCompiler compiler,
                                  LiveTrackers trackers, MeterRegistry registry) {
        holder.current().policy().warnings().forEach(w -> log.warn("policy {} warning: {}", holder.current().policy().version(), w));
        return new PolicyReloader(bootstrap.file(), holder, compiler, trackers, registry);
    }

    @Bean(destroyMethod = "close")
    PolicyWatcher policyWatcher(PolicyReloader reloader, GatewayProperties props) {
        GatewayProperties.Routing r = props.routing();
        PolicyWatcher w = new PolicyWatcher(reloader, r.watchDebounce(), r.pollInterval());
        if (reloader.file() != null && r.watch()) {
            w.start();
        }
        return w;
    }
}
