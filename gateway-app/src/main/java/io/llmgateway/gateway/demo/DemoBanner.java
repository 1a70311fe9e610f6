package io.llmgateway.gateway.demo;

import io.llmgateway.gateway.config.PolicyBootstrap;
import io.llmgateway.gateway.routing.RoutingStateHolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/** Prints how to call the demo once the gateway is up. */
@Component
public class DemoBanner implements ApplicationListener<ApplicationReadyEvent> {

    private static final Logger log = LoggerFactory.getLogger(DemoBanner.class);
    private final PolicyBootstrap bootstrap;
    private final RoutingStateHolder routing;

    public DemoBanner(PolicyBootstrap bootstrap, RoutingStateHolder routing) {
        this.bootstrap = bootstrap;
        this.routing = routing;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        if (!bootstrap.demo()) {
            return;
        }
        int port = event.getApplicationContext() instanceof WebServerApplicationContext w ? w.getWebServer().getPort() : 8080;
        String models = String.join(", ", routing.current().policy().models().keySet());
        String banner = """

                ==================================================================
                 LLM gateway demo is up (simulated A100/A10 GPU nodes, no GPU needed)
                   base URL : http://localhost:%1$d/v1
                   API key  : sk-demo-123
                   models   : %2$s
                   status   : http://localhost:%1$d/   (admin API key: sk-admin-demo)
                 try:
                   curl http://localhost:%1$d/v1/chat/completions \\
                     -H 'Authorization: Bearer sk-demo-123' -H 'Content-Type: application/json' \\
                     -d '{"model":"chat-small","messages":[{"role":"user","content":"Hello"}]}'
                 and with "model":"gpt-4o" and a secret in the message (e.g. AKIAQ3EGRLAUXTKGWV7Z):
                   503, the external API never sees it; on chat-small it is served by a private GPU.
                ==================================================================""".formatted(port, models);
        log.info(banner);
    }
}
