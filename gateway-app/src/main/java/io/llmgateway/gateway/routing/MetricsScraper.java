package io.llmgateway.gateway.routing;

import io.llmgateway.policy.Deployment;
import io.llmgateway.policy.live.EngineMetrics;
import io.llmgateway.policy.live.LiveTrackers;
import io.llmgateway.policy.live.LoadSample;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * Scrapes the {@code metrics-url} of every deployment that has one, every {@code interval}, without
 * blocking: engine load (running, waiting, KV-cache usage) goes to the deployment's {@link
 * io.llmgateway.policy.live.LoadTracker}. A failed scrape leaves the last sample, which the snapshot
 * ignores once stale. Counted as {@code gateway.route.scrapes{deployment, outcome=ok|failed}}.
 */
public final class MetricsScraper implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MetricsScraper.class);
    private static final int MAX_BYTES = 8 * 1024 * 1024;

    private final RoutingStateHolder routing;
    private final LiveTrackers trackers;
    private final MeterRegistry registry;
    private final Duration interval;
    private final ConnectionProvider connections = ConnectionProvider.builder("metrics-scraper").maxConnections(32).build();
    private final HttpClient client;
    private volatile Disposable running;

    public MetricsScraper(RoutingStateHolder routing, LiveTrackers trackers, MeterRegistry registry, Duration interval) {
        this.routing = routing;
        this.trackers = trackers;
        this.registry = registry;
        this.interval = interval;
        Duration timeout = interval.compareTo(Duration.ofSeconds(2)) < 0 ? interval : Duration.ofSeconds(2);
        this.client = HttpClient.create(connections).responseTimeout(timeout)
                .option(io.netty.channel.ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) timeout.toMillis());
    }

    public void start() {
        running = Flux.interval(Duration.ZERO, interval)
                .onBackpressureDrop()
                .concatMap(tick -> scrapeAll(), 0)
                .subscribe();
    }

    /** One round over every deployment with a metrics URL; completes when all answered or failed. */
    public Mono<Void> scrapeAll() {
        return Flux.fromIterable(routing.current().policy().deployments().values())
                .filter(d -> d.profile().metricsUrl() != null)
                .flatMap(this::scrape, 8)
                .then();
    }

    private Mono<Void> scrape(Deployment d) {
        return client.get().uri(d.profile().metricsUrl().toString())
                .responseSingle((res, body) -> res.status().code() == 200
                        ? body.asString(StandardCharsets.UTF_8)
                        : Mono.error(new IllegalStateException("status " + res.status().code())))
                .filter(text -> text.length() <= MAX_BYTES)
                .map(text -> java.util.Optional.ofNullable(EngineMetrics.parse(text, d.model(), trackers.now())))
                .doOnNext(sample -> {
                    sample.ifPresent(s -> trackers.load(d.id()).scraped(s));
                    count(d, sample.isPresent() ? "ok" : "no_engine_metrics");
                })
                .onErrorResume(e -> {
                    log.debug("scraping {} for {} failed: {}", d.profile().metricsUrl(), d.id(), e.toString());
                    count(d, "failed");
                    return Mono.empty();
                })
                .then();
    }

    private void count(Deployment d, String outcome) {
        registry.counter("gateway.route.scrapes", "deployment", d.id(), "outcome", outcome).increment();
    }

    /** For tests and the explain endpoint: the last sample of a deployment, or null. */
    public LoadSample last(String deploymentId) {
        return trackers.load(deploymentId).scraped();
    }

    @Override
    public void close() {
        Disposable d = running;
        if (d != null) {
            d.dispose();
        }
        connections.disposeLater().block(Duration.ofSeconds(5));
    }
}
