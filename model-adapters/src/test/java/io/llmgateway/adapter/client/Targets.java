package io.llmgateway.adapter.client;

import io.llmgateway.adapter.UpstreamTarget;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/** Upstream targets for client tests; timeouts generous unless a test is about one. */
final class Targets {

    private Targets() {
    }

    static UpstreamTarget to(String baseUrl) {
        return to(baseUrl, Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofSeconds(20));
    }

    static UpstreamTarget to(String baseUrl, Duration firstToken, Duration idle, Duration total) {
        return to(baseUrl, Map.of(), firstToken, idle, total);
    }

    static UpstreamTarget to(String baseUrl, Map<String, String> options, Duration firstToken, Duration idle, Duration total) {
        return new UpstreamTarget("d1", URI.create(baseUrl), "up-model", "sk-up", Map.of(), options,
                new UpstreamTarget.Timeouts(Duration.ofSeconds(2), firstToken, idle, total));
    }
}
