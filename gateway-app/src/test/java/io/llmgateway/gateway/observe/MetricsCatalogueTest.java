package io.llmgateway.gateway.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.llmgateway.adapter.schema.WireJson;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** After a known mix of traffic, {@code /actuator/prometheus} has the catalogue's names, labels and values. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MetricsCatalogueTest {

    static final SimulatedFleet FLEET = new SimulatedFleet();
    static List<TrafficDriver.Answer> answers;

    @DynamicPropertySource
    static void policy(DynamicPropertyRegistry r) {
        r.add("gateway.policy", FLEET::policyFile);
    }

    @LocalServerPort
    int port;

    @AfterAll
    static void stop() {
        FLEET.close();
    }

    /** Drives the known traffic once (whichever test comes first), then scrapes. */
    private synchronized Scrape trafficThenScrape() {
        TrafficDriver driver = new TrafficDriver(port);
        if (answers == null) {
            answers = driver.mix();
        }
        return new Scrape(driver.get("/actuator/prometheus", null));
    }

    @Test
    void requestsByAppModelDeploymentPoolZoneStatus() {
        Scrape s = trafficThenScrape();
        assertThat(answers).extracting(TrafficDriver.Answer::status).containsExactly(200, 200, 200, 200, 200, 200,
                answers.get(6).status(), 404);
        assertThat(answers.get(6).status()).isBetween(500, 599);
        assertThat(s.sum("gateway_requests_total", Map.of("app", "test-app", "model", "chat-small", "deployment", "qwen7-a10",
                "pool", "a10", "zone", "private", "status", "200", "outcome", "served"))).isEqualTo(2);
        assertThat(s.sum("gateway_requests_total", Map.of("model", "chat-large", "deployment", "qwen72-a100", "pool", "a100",
                "stream", "true"))).isEqualTo(1);
        assertThat(s.sum("gateway_requests_total", Map.of("model", "gpt-4o", "zone", "external", "pool", "openai"))).isEqualTo(1);
        assertThat(s.sum("gateway_requests_total", Map.of("model", "embed", "operation", "embeddings"))).isEqualTo(1);
        assertThat(s.sum("gateway_requests_total", Map.of("model", "chat-flaky", "deployment", "qwen7-a10", "outcome", "served")))
                .isEqualTo(1);
        assertThat(s.sum("gateway_requests_total", Map.of("model", "broken", "outcome", "failed"))).isEqualTo(1);
        assertThat(s.sum("gateway_requests_total", Map.of("model", "other", "status", "404", "outcome", "refused"))).isEqualTo(1);
        assertThat(s.sum("gateway_request_duration_seconds_count", Map.of())).isEqualTo(8);
        assertThat(s.sum("gateway_overhead_seconds_count", Map.of())).isGreaterThanOrEqualTo(6);
    }

    @Test
    void genAiSemanticConventionFamilies() {
        Scrape s = trafficThenScrape();
        assertThat(s.sum("gen_ai_server_request_duration_seconds_count", Map.of())).isEqualTo(8);
        assertThat(s.sum("gen_ai_server_request_duration_seconds_count", Map.of("gen_ai_operation_name", "embeddings"))).isEqualTo(1);
        assertThat(s.sum("gen_ai_server_time_to_first_token_seconds_count", Map.of("gen_ai_request_model", "chat-small"))).isEqualTo(1);
        assertThat(s.sum("gen_ai_server_time_to_first_token_seconds_count", Map.of("gen_ai_request_model", "chat-large"))).isEqualTo(1);
        assertThat(s.sum("gen_ai_server_time_per_output_token_seconds_count", Map.of())).isEqualTo(2);
        assertThat(s.find("gen_ai_server_time_to_first_token_seconds_bucket", Map.of("le", "0.1"))).isNotEmpty();
        Map<String, String> smallIn = Map.of("model", "chat-small", "gen_ai_token_type", "input", "gen_ai_operation_name", "chat");
        assertThat(s.sum("gen_ai_client_token_usage_tokens_count", smallIn)).isEqualTo(2);
        assertThat(s.sum("gen_ai_client_token_usage_tokens_sum", Map.of("model", "chat-small", "gen_ai_token_type", "output")))
                .isEqualTo(16);
        assertThat(s.sum("gen_ai_client_token_usage_tokens_sum", Map.of("model", "gpt-4o", "gen_ai_token_type", "output")))
                .isEqualTo(6);
    }

    @Test
    void costRoutingAttemptsAndLoad() {
        Scrape s = trafficThenScrape();
        JsonNode usage = WireJson.MAPPER.readTree(answers.get(3).body()).path("usage");
        double expected = usage.path("prompt_tokens").asLong() * 2.50 / 1e6 + usage.path("completion_tokens").asLong() * 10.0 / 1e6;
        assertThat(s.sum("gateway_cost_usd_total", Map.of("deployment", "gpt-4o-api", "zone", "external", "app", "test-app")))
                .isCloseTo(expected, within(1e-12));
        assertThat(s.sum("gateway_cost_usd_total", Map.of("pool", "a10"))).isPositive();
        assertThat(s.sum("gateway_cost_usd_total", Map.of("pool", "a100"))).isPositive();
        assertThat(s.sum("gateway_route_outcomes_total", Map.of("outcome", "failed_over"))).isEqualTo(1);
        assertThat(s.sum("gateway_route_outcomes_total", Map.of("outcome", "failed"))).isEqualTo(1);
        assertThat(s.sum("gateway_route_outcomes_total", Map.of("outcome", "served"))).isEqualTo(5);
        assertThat(s.sum("gateway_upstream_attempts_total", Map.of("deployment", "flaky-a10"))).isGreaterThanOrEqualTo(2);
        assertThat(s.sum("gateway_upstream_attempts_total", Map.of("deployment", "qwen7-a10", "outcome", "ok"))).isEqualTo(3);
        assertThat(s.find("gateway_deployment_in_flight", Map.of("deployment", "qwen7-a10"))).singleElement()
                .extracting(Scrape.Sample::value).isEqualTo(0.0);
        assertThat(s.has("resilience4j_circuitbreaker_state")).isTrue();
    }

    @Test
    void admissionGaugesExistForThePolicysLimitedAndBudgetedApps() {
        Scrape s = trafficThenScrape();
        assertThat(s.find("gateway_limit_headroom", Map.of("app", "thrifty-app", "limit", "rpm"))).singleElement()
                .extracting(Scrape.Sample::value).isEqualTo(1.0);
        assertThat(s.find("gateway_limit_headroom", Map.of("app", "thrifty-app", "limit", "tpm"))).hasSize(1);
        assertThat(s.find("gateway_budget_used_ratio", Map.of("app", "budget-app", "period", "daily"))).hasSize(1);
        assertThat(s.find("gateway_budget_soft_ratio", Map.of("app", "thrifty-app", "period", "daily"))).singleElement()
                .extracting(Scrape.Sample::value).isEqualTo(0.01);
        assertThat(s.find("gateway_limit_headroom", Map.of("app", "test-app"))).as("no limits, no series").isEmpty();
        assertThat(s.find("gateway_budget_used_ratio", Map.of("period", "monthly"))).as("no monthly budgets").isEmpty();
    }

    @Test
    void ledgerWritesAreCounted() {
        trafficThenScrape();
        TrafficDriver driver = new TrafficDriver(port);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(new Scrape(driver.get("/actuator/prometheus", null))
                .sum("gateway_ledger_records_total", Map.of("outcome", "written"))).isEqualTo(7));
    }

    @Test
    void labelsNeverCarryRequestIdsOrText() {
        Scrape s = trafficThenScrape();
        for (Scrape.Sample sample : s.samples()) {
            for (String v : sample.labels().values()) {
                assertThat(v).doesNotStartWith("req_").doesNotContain("Say something");
            }
        }
        for (TrafficDriver.Answer a : answers) {
            assertThat(s.samples()).noneMatch(x -> x.labels().containsValue(a.requestId()));
        }
    }
}
