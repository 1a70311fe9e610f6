package io.llmgateway.gateway.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmgateway.gateway.support.FakeUpstream;
import io.llmgateway.gateway.support.PolicyFiles;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;

/** The circuit breaker over HTTP (opens, skips, half-open probe, closes; visible in Prometheus) and hedging. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CircuitAndHedgeTest {

    static final FakeUpstream FLAKY = new FakeUpstream((req, res) -> Upstreams.status(res, 500, null));
    static final FakeUpstream BACKUP = new FakeUpstream((req, res) -> null);
    static final FakeUpstream SLOW = new FakeUpstream((req, res) -> null);

    static {
        BACKUP.behave((req, res) -> Upstreams.healthy(BACKUP, res, "from backup"));
        SLOW.behave((req, res) -> Mono.delay(Duration.ofSeconds(3)).then(Mono.from(Upstreams.healthy(SLOW, res, "slow"))));
    }

    @DynamicPropertySource
    static void policy(DynamicPropertyRegistry r) {
        String yaml = "deployments:\n"
                + PolicyFiles.deployment("flaky", FLAKY.baseUrl(), """
                        resilience:
                          circuit-breaker: {window: 4, min-calls: 4, open-for: 5s, half-open-calls: 1}""")
                + PolicyFiles.deployment("backup", BACKUP.baseUrl(), null)
                + PolicyFiles.deployment("slowfirst", SLOW.baseUrl(), null)
                + """
                models:
                  chat: [backup]
                  flaky-pair: [flaky, backup]
                  hedged: [slowfirst, backup]
                rules:
                  - name: latency-critical
                    when: {model: [hedged]}
                    route: {deployments: [slowfirst, backup], strategy: ordered, hedge: {after: 200ms}}
                """ + PolicyFiles.APPS;
        r.add("gateway.policy", () -> PolicyFiles.write(yaml).toString());
    }

    @LocalServerPort
    int port;

    @AfterAll
    static void stop() {
        FLAKY.close();
        BACKUP.close();
        SLOW.close();
    }

    String prometheus() {
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build()
                .get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
    }

    @Test
    void circuitOpensAfterFailuresSkipsTheDeploymentAndClosesAfterAGoodProbe() {
        Client client = new Client(port);
        for (int i = 0; i < 4; i++) {
            client.chat("flaky-pair", false).expect(200).servedBy("backup");
        }
        assertThat(FLAKY.received()).hasSize(4);
        assertThat(prometheus()).contains("name=\"flaky\",state=\"open\"} 1.0");

        for (int i = 0; i < 3; i++) {
            client.chat("flaky-pair", i % 2 == 0).expect(200).servedBy("backup");
        }
        assertThat(FLAKY.received()).as("open: no calls reach it").hasSize(4);

        FLAKY.behave((req, res) -> Upstreams.healthy(FLAKY, res, "recovered"));
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                client.chat("flaky-pair", false).expect(200).servedBy("flaky"));
        assertThat(prometheus()).contains("name=\"flaky\",state=\"closed\"} 1.0");
    }

    @Test
    void aSlowFirstCandidateIsHedgedAndTheLoserCancelled() {
        Client client = new Client(port);
        int closedBefore = SLOW.closedByClient();
        long t0 = System.nanoTime();
        client.chat("hedged", false).expect(200).servedBy("backup").header("x-gateway-route", "latency-critical");
        client.chat("hedged", true).expect(200).servedBy("backup").streamCompletes();
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).as("both well before the slow one's 3s").isLessThan(Duration.ofMillis(2900));
        Awaitility.await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(SLOW.closedByClient()).as("losers cancelled").isGreaterThanOrEqualTo(closedBefore + 2));
        assertThat(prometheus()).contains("gateway_executor_hedges_total");
    }
}
