package io.llmgateway.gateway.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.llmgateway.adapter.schema.WireJson;
import io.llmgateway.gateway.observe.SimulatedFleet;
import io.llmgateway.gateway.observe.TrafficDriver;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/** {@code /admin/usage} aggregates the embedded ledger after known traffic; {@code /admin/backends} and {@code /status/feed} show the fleet. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AdminEndpointsTest {

    static final SimulatedFleet FLEET = new SimulatedFleet();
    static final String ADMIN = "sk-admin-test-789";

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) {
        r.add("gateway.policy", FLEET::policyFile);
        r.add("gateway.admin.key", () -> ADMIN);
    }

    @AfterAll
    static void stop() {
        FLEET.close();
    }

    @LocalServerPort
    int port;

    @Test
    void usageIsAggregatedByModelAndDayAndGuardedByTheAdminKey() {
        TrafficDriver driver = new TrafficDriver(port);
        driver.mix();
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        String path = "/admin/usage?app=test-app&from=" + today + "&to=" + today + "&group-by=model,day";
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(json(driver.get(path, ADMIN)).path("total").path("requests").asLong()).isEqualTo(7));
        JsonNode usage = json(driver.get(path, ADMIN));
        assertThat(usage.path("group_by").toString()).isEqualTo("[\"model\",\"day\"]");
        assertThat(usage.path("data")).hasSize(6); // chat-small, chat-large, gpt-4o, embed, chat-flaky, broken
        JsonNode small = find(usage.path("data"), "chat-small");
        assertThat(small.path("requests").asLong()).isEqualTo(2);
        assertThat(small.path("completion_tokens").asLong()).isEqualTo(16);
        assertThat(small.path("day").asString()).isEqualTo(today + "T00:00:00Z");
        assertThat(find(usage.path("data"), "broken").path("failed").asLong()).isEqualTo(1);
        assertThat(find(usage.path("data"), "gpt-4o").path("cost_usd").asDouble()).isPositive();

        WebTestClient http = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build();
        http.get().uri("/admin/usage").exchange().expectStatus().isUnauthorized();
        http.get().uri("/admin/usage?group-by=prompt").header("Authorization", "Bearer " + ADMIN).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.error.message").value(m -> assertThat(m.toString()).contains("group-by"));
    }

    @Test
    void backendsAndTheStatusFeedShowTheFleetWithoutSecrets() {
        TrafficDriver driver = new TrafficDriver(port);
        driver.chatAs("sk-limited-123456", "chat", null); // another app: the usage test counts test-app only
        JsonNode backends = json(driver.get("/admin/backends", ADMIN));
        assertThat(backends.path("data")).hasSize(5);
        JsonNode a10 = find(backends.path("data"), "qwen7-a10");
        assertThat(a10.path("health").asString()).isEqualTo("up");
        assertThat(a10.path("url").asString()).startsWith("http://");
        assertThat(a10.path("in_flight").asInt()).isZero();
        assertThat(backends.path("ledger").path("enabled").asBoolean()).isTrue();

        String feed = driver.get("/status/feed", null);
        JsonNode f = json(feed);
        assertThat(f.path("deployments")).hasSize(5);
        assertThat(f.path("pools")).hasSize(3);
        assertThat(f.path("policy").path("version").asString()).hasSize(12);
        assertThat(feed).doesNotContain("http://", "sk-test", "Say something", "sk-admin");
        assertThat(f.path("decisions").get(0).path("app").asString()).isIn("test-app", "limited-app");
    }

    private static JsonNode find(JsonNode rows, String idOrModel) {
        for (JsonNode r : rows) {
            if (idOrModel.equals(r.path("model").asString()) && !r.has("id") || idOrModel.equals(r.path("id").asString())) {
                return r;
            }
        }
        throw new AssertionError(idOrModel + " not in " + rows);
    }

    private static JsonNode json(String s) {
        return WireJson.MAPPER.readTree(s);
    }
}
