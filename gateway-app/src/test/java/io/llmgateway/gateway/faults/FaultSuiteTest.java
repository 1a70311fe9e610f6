package io.llmgateway.gateway.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmgateway.gateway.support.FakeUpstream;
import io.llmgateway.gateway.support.PolicyFiles;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every upstream fault, one test each: what the client sees (status and OpenAI error body, or the
 * stream's terminal error event), whether the executor retried (requests the faulty upstream got) and
 * whether it failed over ({@code x-gateway-deployment} of the healthy backup). Deployment {@code faulty}
 * retries once (max-attempts 2, backoff 50ms); its breaker window is large so it stays closed here.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FaultSuiteTest {

    static final FakeUpstream FAULTY = new FakeUpstream((req, res) -> Upstreams.hangBeforeHeaders());
    static final FakeUpstream BACKUP = new FakeUpstream((req, res) -> null);
    static final int DEAD = Upstreams.deadPort();
    static final JsonMapper JSON = JsonMapper.builder().build();

    static {
        BACKUP.behave((req, res) -> Upstreams.healthy(BACKUP, res, "from backup"));
    }

    @DynamicPropertySource
    static void policy(DynamicPropertyRegistry r) {
        String guards = """
                timeouts: {connect: 1s, first-token: 1s, idle: 1s, total: 8s}
                resilience:
                  retry: {max-attempts: 2, backoff: 50ms, max-backoff: 2s, jitter: 0}
                  circuit-breaker: {window: 100, min-calls: 100}""";
        String yaml = "deployments:\n"
                + PolicyFiles.deployment("faulty", FAULTY.baseUrl(), guards)
                + PolicyFiles.deployment("dead", "http://127.0.0.1:" + DEAD + "/v1", guards)
                + PolicyFiles.deployment("backup", BACKUP.baseUrl(), null)
                + """
                models:
                  chat: [backup]
                  solo: [faulty]
                  pair: [faulty, backup]
                  dead-solo: [dead]
                  dead-pair: [dead, backup]
                """ + PolicyFiles.APPS;
        r.add("gateway.policy", () -> PolicyFiles.write(yaml).toString());
    }

    @LocalServerPort
    int port;

    Client client;

    @BeforeEach
    void setUp() {
        client = new Client(port);
        FAULTY.received().clear();
        BACKUP.received().clear();
    }

    @AfterAll
    static void stop() {
        FAULTY.close();
        BACKUP.close();
    }

    @Test
    void connectionRefused() {
        client.chat("dead-solo", false).expect(503, "upstream_unavailable").messageContains("unreachable");
        client.chat("dead-pair", false).expect(200).servedBy("backup");
        client.chat("dead-pair", true).expect(200).servedBy("backup").streamCompletes();
    }

    @Test
    void http500IsRetriedOnceThenFailsOver() {
        FAULTY.behave((req, res) -> Upstreams.status(res, 500, null));
        client.chat("solo", false).expect(502, "upstream_error");
        assertThat(FAULTY.received()).as("first try + one retry").hasSize(2);
        client.chat("pair", false).expect(200).servedBy("backup");
    }

    @Test
    void http502And503() {
        FAULTY.behave((req, res) -> Upstreams.status(res, 502, null));
        client.chat("solo", true).expect(502, "upstream_error");
        FAULTY.behave((req, res) -> Upstreams.status(res, 503, null));
        client.chat("solo", false).expect(503, "upstream_unavailable");
        assertThat(FAULTY.received()).hasSize(4);
        client.chat("pair", true).expect(200).servedBy("backup").streamCompletes();
    }

    @Test
    void http429RetryAfterIsHonouredOrPassedOn() {
        FAULTY.behave((req, res) -> Upstreams.status(res, 429, "1"));
        long t0 = System.nanoTime();
        client.chat("solo", false).expect(429, "rate_limit_exceeded").header("retry-after", "1");
        assertThat(FAULTY.received()).as("retried after the upstream's Retry-After").hasSize(2);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(Duration.ofMillis(900));

        FAULTY.received().clear();
        FAULTY.behave((req, res) -> Upstreams.status(res, 429, "30"));
        client.chat("solo", false).expect(429, "rate_limit_exceeded").header("retry-after", "30");
        assertThat(FAULTY.received()).as("Retry-After beyond max-backoff: no retry").hasSize(1);
        client.chat("pair", false).expect(200).servedBy("backup");
    }

    @Test
    void http529Overloaded() {
        FAULTY.behave((req, res) -> Upstreams.status(res, 529, null));
        client.chat("solo", false).expect(503, "upstream_unavailable").messageContains("529");
        assertThat(FAULTY.received()).hasSize(2);
        client.chat("pair", true).expect(200).servedBy("backup");
    }

    @Test
    void hangBeforeHeadersTimesOutWithoutRetry() {
        FAULTY.behave((req, res) -> Upstreams.hangBeforeHeaders());
        client.chat("solo", false).expect(504, "upstream_timeout");
        client.chat("solo", true).expect(504, "upstream_timeout").messageContains("first token");
        assertThat(FAULTY.received()).as("timeouts fail over, they are not retried in place").hasSize(2);
        client.chat("pair", true).expect(200).servedBy("backup").streamCompletes();
    }

    @Test
    void hangMidStreamEndsWithAnErrorEvent() {
        FAULTY.behave((req, res) -> Upstreams.hangMidStream(res));
        client.chat("pair", true).expect(200).servedBy("faulty")
                .streamEndsWithError("upstream_timeout", "stalled");
        assertThat(BACKUP.received()).as("no failover after the first byte").isEmpty();
    }

    @Test
    void slowDripWithinTheIdleLimitCompletes() {
        FAULTY.behave((req, res) -> Upstreams.slowDrip(res));
        Client.Result r = client.chat("solo", true).expect(200).streamCompletes();
        assertThat(r.events()).hasSizeGreaterThanOrEqualTo(5);
    }

    @Test
    void malformedJsonFailsOverWithoutRetry() {
        FAULTY.behave((req, res) -> Upstreams.malformedJson(res));
        client.chat("solo", false).expect(502, "bad_upstream_response");
        assertThat(FAULTY.received()).hasSize(1);
        client.chat("pair", false).expect(200).servedBy("backup");
    }

    @Test
    void malformedSse() {
        FAULTY.behave((req, res) -> Upstreams.malformedSse(res, false));
        client.chat("pair", true).expect(200).servedBy("backup").streamCompletes();
        FAULTY.behave((req, res) -> Upstreams.malformedSse(res, true));
        client.chat("pair", true).expect(200).servedBy("faulty").streamEndsWithError("bad_upstream_response", null);
    }

    @Test
    void connectionResetMidStreamEndsWithAnErrorEvent() {
        FAULTY.behave((req, res) -> Upstreams.resetMidStream(res));
        client.chat("pair", true).expect(200).servedBy("faulty")
                .streamEndsWithError("upstream_unavailable", "closed the connection");
    }

    @Test
    void wrongContentType() {
        FAULTY.behave((req, res) -> Upstreams.wrongContentType(res));
        client.chat("solo", true).expect(502, "bad_upstream_response").messageContains("content type");
        client.chat("solo", false).expect(502, "bad_upstream_response");
        client.chat("pair", true).expect(200).servedBy("backup").streamCompletes();
    }

    static List<String> codes(JsonNode error) {
        return List.of(error.path("error").path("type").asString(), error.path("error").path("code").asString());
    }
}
