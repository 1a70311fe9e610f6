package io.llmgateway.gateway.server;

import static io.llmgateway.gateway.support.FakeUpstream.chatCompletion;
import static io.llmgateway.gateway.support.FakeUpstream.chunk;
import static io.llmgateway.gateway.support.FakeUpstream.json;
import static io.llmgateway.gateway.support.FakeUpstream.sse;
import static org.assertj.core.api.Assertions.assertThat;

import io.llmgateway.gateway.support.FakeUpstream;
import io.llmgateway.gateway.support.PolicyFiles;
import java.net.ServerSocket;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;

/** Slow and stalled clients are cut off, the admin surface lives on its own port, and CORS is off. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ServerHardeningTest {

    static final String BLOCK = "x".repeat(4000);
    static final FakeUpstream UP = new FakeUpstream((req, res) -> json(res, 200, chatCompletion("ok", 1, 1)));
    static final int ADMIN_PORT = freePort();
    static final String ADMIN_KEY = "sk-admin-hardening-1";
    static final String CHAT = "{\"model\":\"chat\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) {
        r.add("gateway.policy", () -> PolicyFiles.write("deployments:\n" + PolicyFiles.deployment("d", UP.baseUrl(), "timeouts: {idle: 300s, total: 10m}")
                + "models:\n  chat: [d]\n" + PolicyFiles.APPS).toString());
        r.add("gateway.admin.key", () -> ADMIN_KEY);
        r.add("gateway.admin.port", () -> ADMIN_PORT);
        r.add("gateway.server.read-timeout", () -> "1s");
        r.add("gateway.server.request-timeout", () -> "3s");
        r.add("gateway.server.write-timeout", () -> "2s");
    }

    @LocalServerPort
    int port;

    @AfterAll
    static void stop() {
        UP.close();
    }

    WebTestClient client(int p) {
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + p).responseTimeout(Duration.ofSeconds(20)).build();
    }

    @Test
    void aClientThatStopsSendingItsBodyIsDisconnected() throws Exception {
        try (RawClient c = new RawClient(port, 0)) {
            c.send("POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer sk-test-123456\r\n"
                    + "Content-Type: application/json\r\nContent-Length: 500\r\n\r\n{\"model\":");
            assertThat(c.closedByServerWithin(Duration.ofSeconds(20))).as("connection closed by the server").isTrue();
        }
    }

    @Test
    void aClientThatStopsReadingAStreamIsDisconnectedAndTheUpstreamCancelled() throws Exception {
        UP.behave((req, res) -> res.header("content-type", "text/event-stream")
                .sendString(Flux.interval(Duration.ofMillis(2)).map(i -> sse(chunk(BLOCK))).take(50_000)).then());
        int before = UP.closedByClient();
        try (RawClient c = new RawClient(port, 4096)) {
            String body = "{\"model\":\"chat\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
            c.send("POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer sk-test-123456\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + body.length() + "\r\n\r\n" + body);
            // never read: the server's writes stall and the write timeout (not the upstream's idle timeout of
            // 300 s) closes the connection, which cancels the upstream exchange
            Awaitility.await().atMost(Duration.ofSeconds(45)).until(() -> UP.closedByClient() > before);
        } finally {
            UP.behave((req, res) -> json(res, 200, chatCompletion("ok", 1, 1)));
        }
    }

    @Test
    void theAdminSurfaceAnswersOnlyOnTheAdminPort() {
        client(port).get().uri("/admin/policy").header("Authorization", "Bearer " + ADMIN_KEY).exchange()
                .expectStatus().isNotFound().expectBody().jsonPath("$.error.code").isEqualTo("not_found");
        client(port).get().uri("/status/feed").exchange().expectStatus().isNotFound();
        client(ADMIN_PORT).get().uri("/admin/policy").header("Authorization", "Bearer " + ADMIN_KEY).exchange()
                .expectStatus().isOk();
        client(ADMIN_PORT).get().uri("/admin/policy").exchange().expectStatus().isUnauthorized();
        client(ADMIN_PORT).get().uri("/status/feed").exchange().expectStatus().isOk();
        client(ADMIN_PORT).post().uri("/v1/chat/completions").header("Authorization", "Bearer sk-test-123456")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(CHAT).exchange().expectStatus().isNotFound();
        client(port).post().uri("/v1/chat/completions").header("Authorization", "Bearer sk-test-123456")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(CHAT).exchange().expectStatus().isOk();
        for (int p : new int[] {port, ADMIN_PORT}) {
            client(p).get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
        }
    }

    @Test
    void corsIsOffNoBrowserOriginGetsAccess() {
        client(port).method(HttpMethod.OPTIONS).uri("/v1/chat/completions").header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST").header("Access-Control-Request-Headers", "authorization")
                .exchange()
                .expectHeader().doesNotExist("Access-Control-Allow-Origin")
                .expectHeader().doesNotExist("Access-Control-Allow-Credentials")
                .expectHeader().doesNotExist("Access-Control-Allow-Headers");
        client(port).post().uri("/v1/chat/completions").header("Origin", "https://evil.example")
                .header("Authorization", "Bearer sk-test-123456").contentType(MediaType.APPLICATION_JSON).bodyValue(CHAT)
                .exchange()
                .expectHeader().doesNotExist("Access-Control-Allow-Origin");
    }

    @Test
    void oversizedHeadersAreRefused() throws Exception {
        // a fresh connection of its own: a pooled client connection left from an earlier test is not part of what is checked
        try (RawClient c = new RawClient(port, 0)) {
            c.send("POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer sk-test-123456\r\n"
                    + "X-Big: " + "a".repeat(20_000) + "\r\nContent-Type: application/json\r\nContent-Length: " + CHAT.length()
                    + "\r\n\r\n" + CHAT);
            assertThat(c.statusWithin(Duration.ofSeconds(20))).isIn(400, 413, 431);
        }
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
