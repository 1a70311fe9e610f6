package io.llmgateway.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmgateway.adapter.WireAdapters;
import io.llmgateway.gateway.support.FakeUpstream;
import io.llmgateway.policy.PolicyLoader;
import io.llmgateway.policy.live.LiveTrackers;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** The scraper reads engine load from each deployment's metrics URL without blocking; a failure leaves no sample. */
class MetricsScraperTest {

    @Test
    void scrapesVllmGaugesIntoTheLoadTracker() {
        try (FakeUpstream engine = new FakeUpstream((req, res) -> res.status(200).header("content-type", "text/plain")
                .sendString(Mono.just("vllm:num_requests_running{model_name=\"m\"} 5\nvllm:num_requests_waiting{model_name=\"m\"} 2\n"
                        + "vllm:gpu_cache_usage_perc{model_name=\"m\"} 0.5\n")).then())) {
            String base = engine.baseUrl().replace("/v1", "");
            var policy = PolicyLoader.parse("p.yaml", """
                    deployments:
                      - {id: a, pool: p, zone: private, api: openai, url: "%s/v1", model: m, metrics-url: "%s/metrics"}
                      - {id: b, pool: p, zone: private, api: openai, url: "%s/v1", model: m, metrics-url: "http://127.0.0.1:1/metrics"}
                    models: {m: [a, b]}
                    """.formatted(base, base, base));
            RoutingStateHolder holder = new RoutingStateHolder(
                    new RoutingStateCompiler(WireAdapters.standard(), Map.<String, String>of()::get).compile(policy));
            LiveTrackers trackers = new LiveTrackers(System::currentTimeMillis, 30_000);
            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            MetricsScraper scraper = new MetricsScraper(holder, trackers, registry, Duration.ofSeconds(1));
            try {
                scraper.scrapeAll().block(Duration.ofSeconds(10));
                assertThat(scraper.last("a").running()).isEqualTo(5);
                assertThat(scraper.last("a").waiting()).isEqualTo(2);
                assertThat(scraper.last("a").kvCacheUsage()).isEqualTo(0.5);
                assertThat(scraper.last("b")).isNull();
                assertThat(registry.counter("gateway.route.scrapes", "deployment", "b", "outcome", "failed").count()).isEqualTo(1);
                assertThat(engine.received()).extracting(FakeUpstream.Received::path).containsExactly("/metrics");
            } finally {
                scraper.close();
            }
        }
    }
}
