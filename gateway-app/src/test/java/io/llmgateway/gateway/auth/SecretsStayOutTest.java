package io.llmgateway.gateway.auth;

import static io.llmgateway.gateway.support.FakeUpstream.chatCompletion;
import static io.llmgateway.gateway.support.FakeUpstream.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.llmgateway.gateway.support.FakeUpstream;
import io.llmgateway.gateway.support.PolicyFiles;
import io.llmgateway.policy.KeyHash;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Keys (right, wrong, admin) and prompt text never show up in the log, the metrics, error answers,
 * the status page's feed or the admin view of the policy.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SecretsStayOutTest {

    static final FakeUpstream UP = new FakeUpstream((req, res) -> json(res, 200, chatCompletion("ok", 1, 1)));
    static final String APP_KEY = "sk-canary-app-91f3a0";
    static final String WRONG_KEY = "sk-canary-wrong-55c2";
    static final String ADMIN_KEY = "sk-canary-admin-77d1";
    static final String PROMPT = "canary prompt text 4e8b";

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) {
        r.add("gateway.policy", () -> PolicyFiles.write("deployments:\n" + PolicyFiles.deployment("d", UP.baseUrl(), null)
                + "models:\n  chat: [d]\napps:\n  - {id: canary, key: \"sha256:" + KeyHash.sha256Hex(APP_KEY) + "\"}\n").toString());
        r.add("gateway.admin.key", () -> ADMIN_KEY);
    }

    @LocalServerPort
    int port;

    @AfterAll
    static void stop() {
        UP.close();
    }

    @Test
    void noSecretOrPromptLeaves(CapturedOutput output) {
        WebTestClient c = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).responseTimeout(Duration.ofSeconds(20)).build();
        String body = "{\"model\":\"chat\",\"messages\":[{\"role\":\"user\",\"content\":\"" + PROMPT + "\"}]}";
        List<String> seen = new ArrayList<>();
        for (String key : new String[] {APP_KEY, WRONG_KEY, ADMIN_KEY}) {
            seen.add(c.post().uri("/v1/chat/completions").header("Authorization", "Bearer " + key)
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange().expectBody(String.class).returnResult().getResponseBody());
            seen.add(c.post().uri("/v1/chat/completions").header("api-key", key).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(body.replace("chat", "unknown-model")).exchange().expectBody(String.class).returnResult().getResponseBody());
            seen.add(c.get().uri("/admin/policy").header("Authorization", "Bearer " + key).exchange()
                    .expectBody(String.class).returnResult().getResponseBody());
        }
        seen.add(c.post().uri("/v1/chat/completions").header("Authorization", "Bearer " + APP_KEY)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"model\":\"chat\",\"messages\":[{\"role\":\"user\",\"content\":"
                        + "\"" + PROMPT + "\"}],\"temperature\":\"" + PROMPT + "\"}").exchange()
                .expectBody(String.class).returnResult().getResponseBody());
        seen.add(c.get().uri("/admin/policy").header("Authorization", "Bearer " + ADMIN_KEY).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
        seen.add(c.get().uri("/status/feed").exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
        seen.add(c.get().uri("/actuator/prometheus").exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
        // the access log is written by a background thread: wait for the line of the last API call (the 400)
        // so the check below covers every line the requests produced
        await().atMost(Duration.ofSeconds(10)).until(() -> output.getOut().contains("\"status\":400"));
        seen.add(output.getAll());
        for (String text : seen) {
            assertThat(text).doesNotContain(APP_KEY, WRONG_KEY, ADMIN_KEY, PROMPT);
        }
        assertThat(c.get().uri("/actuator/env").exchange().returnResult(String.class).getStatus().value()).isEqualTo(404);
        assertThat(c.get().uri("/actuator/configprops").exchange().returnResult(String.class).getStatus().value()).isEqualTo(404);
    }
}
