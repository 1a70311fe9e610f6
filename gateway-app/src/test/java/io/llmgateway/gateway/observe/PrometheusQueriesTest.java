package io.llmgateway.gateway.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Every PromQL expression of the Grafana dashboards and the alert rules, evaluated by a real Prometheus
 * that scrapes the gateway every second while traffic (served, streamed, failed over, failed, refused for
 * its data class, over budget) flows. Each must return a number. Alert conditions are evaluated without
 * their threshold (see {@link PromQl}); every rule must load and evaluate without error.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PrometheusQueriesTest {

    static final SimulatedFleet FLEET = new SimulatedFleet();
    static Path prometheus;

    @BeforeAll
    static void binary() {
        prometheus = ExternalTool.require("prometheus", "/usr/bin/prometheus", "/usr/local/bin/prometheus");
    }

    @DynamicPropertySource
    static void policy(DynamicPropertyRegistry r) {
        r.add("gateway.policy", FLEET::policyFile);
    }

    @AfterAll
    static void stop() {
        FLEET.close();
    }

    @LocalServerPort
    int port;

    @Test
    void everyDashboardAndAlertExpressionReturnsData(@TempDir Path dir) throws Exception {
        Path repo = ExternalTool.repoRoot();
        List<DashboardQueries.Query> queries = DashboardQueries.all(repo);
        assertThat(queries).hasSizeGreaterThan(30);
        TrafficDriver driver = new TrafficDriver(port);
        AtomicBoolean stop = new AtomicBoolean();
        try (PrometheusServer prom = PrometheusServer.start(prometheus, dir, port, DashboardQueries.ruleFiles(repo))) {
            CompletableFuture<Void> traffic = CompletableFuture.runAsync(() -> {
                while (!stop.get()) {
                    try {
                        driver.mix();
                        driver.chatAs(TrafficDriver.KEY, "gpt-4o", "secret");
                        driver.chatAs(SimulatedFleet.BUDGET_KEY, "gpt-4o", null);
                        driver.chatAs(SimulatedFleet.SOFT_BUDGET_KEY, "gpt-4o", null);
                    } catch (IllegalStateException e) {
                        // one stuck or failed exchange must not stop the traffic the queries need
                    }
                }
            });
            List<String> missing = new ArrayList<>();
            try {
                await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofSeconds(2)).until(() -> {
                    missing.clear();
                    for (DashboardQueries.Query q : queries) {
                        for (String part : PromQl.dataParts(q.expr())) {
                            if (!prom.hasData(part)) {
                                missing.add(q.where() + " -> " + part);
                            }
                        }
                    }
                    return missing.isEmpty();
                });
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                throw new AssertionError("expressions without data (scrape: " + prom.scrapeState() + "):\n  "
                        + String.join("\n  ", missing), e);
            } finally {
                stop.set(true);
                traffic.join();
            }
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> prom.rules().path("groups").forEach(g ->
                    g.path("rules").forEach(r -> assertThat(r.path("health").asString())
                            .as("rule %s: %s", r.path("name").asString(), r.path("lastError").asString()).isEqualTo("ok"))));
        }
    }
}
