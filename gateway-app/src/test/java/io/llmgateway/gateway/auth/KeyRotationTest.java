package io.llmgateway.gateway.auth;

import static io.llmgateway.gateway.support.FakeUpstream.chatCompletion;
import static io.llmgateway.gateway.support.FakeUpstream.json;

import io.llmgateway.gateway.support.FakeUpstream;
import io.llmgateway.gateway.support.PolicyFiles;
import io.llmgateway.policy.KeyHash;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * App keys are stored as hashes and rotated without a restart: the policy file is edited in place
 * (as a ConfigMap update does), the watcher reloads it, old and new key overlap, then the old one stops.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class KeyRotationTest {

    static final FakeUpstream UP = new FakeUpstream((req, res) -> json(res, 200, chatCompletion("ok", 1, 1)));
    static final String OLD = "sk-rotation-old-0001";
    static final String NEW = "sk-rotation-new-0002";
    static final Path FILE = PolicyFiles.write(policy(OLD));

    static String policy(String... keys) {
        StringBuilder k = new StringBuilder();
        for (String key : keys) {
            k.append(k.isEmpty() ? "" : ", ").append("\"sha256:").append(KeyHash.sha256Hex(key)).append('"');
        }
        return "deployments:\n" + PolicyFiles.deployment("d", UP.baseUrl(), null)
                + "models:\n  chat: [d]\napps:\n  - {id: rotating, keys: [" + k + "]}\n";
    }

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) {
        r.add("gateway.policy", FILE::toString);
        r.add("gateway.routing.watch", () -> "true");
        r.add("gateway.routing.poll-interval", () -> "1s");
        r.add("gateway.routing.watch-debounce", () -> "100ms");
    }

    @LocalServerPort
    int port;

    @AfterAll
    static void stop() {
        UP.close();
    }

    @Test
    void aKeyIsRotatedByEditingThePolicyWithoutRestart() throws Exception {
        awaitStatus(OLD, 200);
        awaitStatus(NEW, 401);
        Files.writeString(FILE, policy(OLD, NEW)); // overlap: clients move over
        awaitStatus(NEW, 200);
        awaitStatus(OLD, 200);
        Files.writeString(FILE, policy(NEW)); // the old key is retired
        awaitStatus(OLD, 401);
        awaitStatus(NEW, 200);
    }

    private void awaitStatus(String key, int status) {
        WebTestClient client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(20)).build();
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).untilAsserted(() ->
                client.post().uri("/v1/chat/completions").header("Authorization", "Bearer " + key)
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue("{\"model\":\"chat\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
                        .exchange().expectStatus().isEqualTo(status));
    }
}
