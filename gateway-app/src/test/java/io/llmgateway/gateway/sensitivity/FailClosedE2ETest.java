package io.llmgateway.gateway.sensitivity;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmgateway.adapter.schema.WireJson;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The guarantee end to end: a request the classifier finds sensitive never reaches the external vendor.
 * With the private pool down it fails closed with 503 {@code data_class_requires_private_backend}; with it
 * up it is served privately. Every detector family, streamed and not, chat, completions and embeddings,
 * and a request too large to scan whole.
 */
class FailClosedE2ETest extends SensitivityE2E {

    @Test
    void theExternalVendorServesCleanRequestsSoItsSilenceBelowMeansSomething() {
        chat(APP, "chat-down", "what is the capital of France?", false).expectStatus().isOk()
                .expectHeader().valueEquals("x-gateway-deployment", "vendor-api")
                .expectHeader().valueEquals("x-gateway-data-class", "public");
        assertThat(EXTERNAL.bodies()).hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.llmgateway.gateway.sensitivity.Samples#perDetector")
    void withThePrivatePoolDownASensitiveRequestFailsClosed(String detector, String value, String prompt) {
        String expectedClass = detector.startsWith("secret-") ? "secret" : "confidential";
        for (boolean stream : new boolean[] {false, true}) {
            byte[] body = chat(APP, "chat-down", prompt, stream).expectStatus().isEqualTo(503)
                    .expectHeader().valueEquals("x-gateway-data-class", expectedClass)
                    // the private pool may be back in a moment: retrying is the client's call
                    .expectHeader().doesNotExist("x-should-retry")
                    .expectBody().returnResult().getResponseBody();
            JsonNode error = WireJson.MAPPER.readTree(body).path("error");
            assertThat(error.path("code").asString()).isEqualTo("data_class_requires_private_backend");
            assertThat(error.path("message").asString()).contains("data class '" + expectedClass + "'", "private backend")
                    .doesNotContain(value);
        }
        assertThat(EXTERNAL.bodies()).as("the external vendor received nothing").isEmpty();
        assertThat(detectors(explain(prompt))).contains(detector);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.llmgateway.gateway.sensitivity.Samples#perDetector")
    void withThePrivatePoolUpASensitiveRequestIsServedPrivately(String detector, String value, String prompt) {
        String expectedClass = detector.startsWith("secret-") ? "secret" : "confidential";
        chat(APP, "chat", prompt, false).expectStatus().isOk()
                .expectHeader().valueEquals("x-gateway-deployment", "gpu-up")
                .expectHeader().valueEquals("x-gateway-data-class", expectedClass);
        String streamed = chat(APP, "chat", prompt, true).expectStatus().isOk()
                .expectHeader().valueEquals("x-gateway-deployment", "gpu-up")
                .returnResult(String.class).getResponseBody().collectList().block(Duration.ofSeconds(30)).toString();
        assertThat(streamed).contains("[DONE]");
        assertThat(EXTERNAL.bodies()).isEmpty();
        assertThat(PRIVATE.bodies()).as("the private pool gets the request as the client sent it").hasSize(2)
                .allSatisfy(b -> assertThat(WireJson.MAPPER.readTree(b).path("messages").get(0).path("content").asString())
                        .isEqualTo(prompt));
    }

    @Test
    void completionsPromptsAndEmbeddingInputsAreScannedToo() {
        ObjectNode completion = WireJson.MAPPER.createObjectNode().put("model", "chat-down").put("prompt", "mail li.lei@example.com");
        post("/v1/completions", APP, completion.toString()).expectStatus().isEqualTo(503)
                .expectBody().jsonPath("$.error.code").isEqualTo("data_class_requires_private_backend");
        ObjectNode embed = WireJson.MAPPER.createObjectNode().put("model", "chat-down");
        embed.putArray("input").add("fine").add("key AKIAQ3EGRLAUXTKGWV7Z here");
        post("/v1/embeddings", APP, embed.toString()).expectStatus().isEqualTo(503)
                .expectHeader().valueEquals("x-gateway-data-class", "secret");
        embed.put("model", "chat");
        post("/v1/embeddings", APP, embed.toString()).expectStatus().isOk()
                .expectHeader().valueEquals("x-gateway-deployment", "gpu-up");
        assertThat(EXTERNAL.bodies()).isEmpty();
    }

    @Test
    void aRequestTooLargeToScanWholeIsTreatedAsTheMostSensitiveClass() {
        String big = "All quiet here. ".repeat(600); // 9600 chars > max-scan-chars 8192: the tail is not scanned
        chat(APP, "chat-down", big, false).expectStatus().isEqualTo(503)
                .expectHeader().valueEquals("x-gateway-data-class", "secret")
                .expectBody().jsonPath("$.error.code").isEqualTo("data_class_requires_private_backend");
        chat(APP, "chat", big, false).expectStatus().isOk()
                .expectHeader().valueEquals("x-gateway-deployment", "gpu-up")
                .expectHeader().valueEquals("x-gateway-data-class", "secret");
        assertThat(EXTERNAL.bodies()).isEmpty();
        JsonNode explained = explain(big);
        assertThat(explained.path("sensitivity").path("scan").asString()).isEqualTo("size_cap");
        assertThat(explained.path("data_class").path("why").asString()).isEqualTo("scan_incomplete");
    }

    static java.util.List<String> detectors(JsonNode explained) {
        java.util.List<String> ids = new java.util.ArrayList<>();
        explained.path("sensitivity").path("findings").forEach(f -> ids.add(f.path("detector").asString()));
        return ids;
    }

    JsonNode explain(String prompt) {
        ObjectNode body = WireJson.MAPPER.createObjectNode().put("model", "chat");
        body.putArray("messages").addObject().put("role", "user").put("content", prompt);
        byte[] out = client.post().uri("/admin/route/explain").header("Authorization", "Bearer " + ADMIN)
                .header("x-app-id", "app").header("content-type", "application/json").bodyValue(body.toString())
                .exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody();
        return WireJson.MAPPER.readTree(out);
    }
}
