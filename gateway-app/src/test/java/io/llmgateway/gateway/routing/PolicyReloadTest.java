package io.llmgateway.gateway.routing;

import static io.llmgateway.gateway.support.FakeUpstream.chatCompletion;
import static io.llmgateway.gateway.support.FakeUpstream.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.llmgateway.gateway.support.FakeUpstream;
import io.llmgateway.gateway.support.PolicyFiles;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/** {@code POST /admin/policy/reload}: a bad file keeps the running policy, a good one swaps it (keys included); both are counted. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PolicyReloadTest {

    static final FakeUpstream UP = new FakeUpstream((req, res) -> json(res, 200, chatCompletion("ok", 5, 1)));
    static final String ADMIN = "sk-admin-reload-test";
    static final Path FILE = PolicyFiles.write(policy("sk-first-key-1"));

    static String policy(String key) {
        return """
                deployments:
                  - {id: d1, pool: a10, zone: private, api: openai, url: "%s", model: m}
                models:
                  chat: [d1]
                apps:
                  - {id: app, key: %s}
                """.formatted(UP.baseUrl(), key);
    }

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) {
        r.add("gateway.policy", FILE::toString);
        r.add("gateway.admin.key", () -> ADMIN);
        r.add("gateway.routing.watch", () -> "false");
    }

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry registry;

    @Autowired
    RoutingStateHolder holder;

    WebTestClient client;

    @BeforeEach
    void setUp() {
        // One connection per request: with pooled keep-alive connections this test's client hung about one
        // run in six on the request after the 401 (the gateway had sent the whole answer and the client had
        // logged its last packet, but the exchange never completed; no thread was blocked). The gateway's
        // side is the same either way; what is tested here is the reload, not connection reuse.
        client = WebTestClient.bindToServer(new ReactorClientHttpConnector(HttpClient.create(ConnectionProvider.newConnection())))
                .baseUrl("http://127.0.0.1:" + port).responseTimeout(Duration.ofSeconds(30)).build();
    }

    @AfterAll
    static void stop() {
        UP.close();
    }

    @Test
    void aBadFileIsRefusedAndTheRunningPolicyStaysThenAGoodOneSwapsKeysIncluded() throws Exception {
        String before = holder.current().policy().version();
        double refused = count("refused");
        double ok = count("ok");

        Files.writeString(FILE, policy("sk-first-key-1").replace("zone: private", "zone: dmz"));
        client.post().uri("/admin/policy/reload").header("Authorization", "Bearer " + ADMIN).exchange()
                .expectStatus().isEqualTo(422)
                .expectBody()
                .jsonPath("$.outcome").isEqualTo("refused")
                .jsonPath("$.running_version").isEqualTo(before)
                .jsonPath("$.problems[0]").value(p -> assertThat((String) p)
                        .contains(FILE + ":2: deployments[0].zone: must be 'private' or 'external', got 'dmz'"));
        assertThat(holder.current().policy().version()).isEqualTo(before);
        assertThat(count("refused")).isEqualTo(refused + 1);
        chat("sk-first-key-1").expectStatus().isOk();
        client.get().uri("/admin/policy").header("Authorization", "Bearer " + ADMIN).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.version").isEqualTo(before)
                .jsonPath("$.source").isEqualTo(FILE.toString())
                .jsonPath("$.loaded_at").exists()
                .jsonPath("$.last_reload_error.outcome").isEqualTo("refused")
                .jsonPath("$.last_reload_error.problems[0]").value(p -> assertThat((String) p).contains("got 'dmz'"));

        Files.writeString(FILE, policy("sk-second-key-2"));
        client.post().uri("/admin/policy/reload").header("Authorization", "Bearer " + ADMIN).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.outcome").isEqualTo("ok");
        assertThat(holder.current().policy().version()).isNotEqualTo(before);
        assertThat(count("ok")).isEqualTo(ok + 1);
        chat("sk-second-key-2").expectStatus().isOk();
        chat("sk-first-key-1").expectStatus().isUnauthorized();
        client.get().uri("/admin/policy").header("Authorization", "Bearer " + ADMIN).exchange()
                .expectBody().jsonPath("$.last_reload.outcome").isEqualTo("ok")
                .jsonPath("$.last_reload_error.outcome").isEqualTo("refused");
    }

    private double count(String outcome) {
        var c = registry.find("gateway.policy.reloads").tag("outcome", outcome).counter();
        return c == null ? 0 : c.count();
    }

    private WebTestClient.ResponseSpec chat(String key) {
        return client.post().uri("/v1/chat/completions").header("Authorization", "Bearer " + key)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"model\":\"chat\",\"messages\":[{\"role\":\"user\",\"content\":\"hello\"}]}")
                .exchange();
    }
}
