package io.llmgateway.gateway.sensitivity;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmgateway.adapter.schema.WireJson;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * An app that redacts: its confidential findings go out as placeholders (so the request may use the
 * external vendor), and the answer comes back with the original values, whole or streamed with the
 * placeholders split across events (the vendor echoes what it got in 4-char deltas).
 */
class RedactionE2ETest extends SensitivityE2E {

    static final String EMAIL = "li.lei@example.com";
    static final String MOBILE = "13812345678";
    static final String CARD = "4111 1111 1111 1111";
    static final String TEXT = "Please mail " + EMAIL + " or call " + MOBILE + " about card " + CARD + ", and " + EMAIL + " again.";

    @Test
    void theVendorSeesPlaceholdersAndTheClientTheOriginals() {
        byte[] answer = chat(MASKER, "chat", TEXT, false).expectStatus().isOk()
                .expectHeader().valueEquals("x-gateway-deployment", "vendor-api")
                .expectHeader().valueEquals("x-gateway-data-class", "public")
                .expectBody().returnResult().getResponseBody();
        assertThat(WireJson.MAPPER.readTree(answer).path("choices").get(0).path("message").path("content").asString())
                .isEqualTo("echo: " + TEXT);
        assertVendorSawOnlyPlaceholders();
    }

    @Test
    void aStreamedAnswerIsRestoredEvenWhenPlaceholdersAreSplitAcrossEvents() {
        List<String> events = chat(MASKER, "chat", TEXT, true).expectStatus().isOk()
                .expectHeader().valueEquals("x-gateway-deployment", "vendor-api")
                .returnResult(String.class).getResponseBody().collectList().block(Duration.ofSeconds(30));
        StringBuilder content = new StringBuilder();
        for (String e : events) {
            assertThat(e).doesNotContain("[[");
            if (!e.equals("[DONE]")) {
                WireJson.MAPPER.readTree(e).path("choices").forEach(c -> content.append(c.path("delta").path("content").asString("")));
            }
        }
        assertThat(events).last().isEqualTo("[DONE]");
        assertThat(content.toString()).isEqualTo("echo: " + TEXT);
        assertVendorSawOnlyPlaceholders();
    }

    @Test
    void aSecretIsNeverMaskedAwayItKeepsTheRequestPrivate() {
        String text = "mail " + EMAIL + " the key AKIAQ3EGRLAUXTKGWV7Z";
        byte[] answer = chat(MASKER, "chat", text, false).expectStatus().isOk()
                .expectHeader().valueEquals("x-gateway-deployment", "gpu-up")
                .expectHeader().valueEquals("x-gateway-data-class", "secret")
                .expectBody().returnResult().getResponseBody();
        assertThat(WireJson.MAPPER.readTree(answer).path("choices").get(0).path("message").path("content").asString())
                .isEqualTo("echo: " + text);
        assertThat(EXTERNAL.bodies()).isEmpty();
        chat(MASKER, "chat-down", text, false).expectStatus().isEqualTo(503);
        assertThat(EXTERNAL.bodies()).isEmpty();
    }

    @Test
    void explainShowsWhatWouldBeMasked() {
        var body = WireJson.MAPPER.createObjectNode().put("model", "chat");
        body.putArray("messages").addObject().put("role", "user").put("content", TEXT);
        byte[] out = client.post().uri("/admin/route/explain").header("Authorization", "Bearer " + ADMIN)
                .header("x-app-id", "masker").header("content-type", "application/json").bodyValue(body.toString())
                .exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody();
        JsonNode s = WireJson.MAPPER.readTree(out).path("sensitivity");
        assertThat(s.path("masked").asBoolean()).isTrue();
        assertThat(s.path("implied_class").isNull()).isTrue();
        assertThat(s.path("findings").toString()).contains("\"detector\":\"email\"", "\"count\":2", "\"redacted\":true")
                .doesNotContain(EMAIL);
        assertThat(EXTERNAL.bodies()).as("explain calls no upstream").isEmpty();
    }

    private static void assertVendorSawOnlyPlaceholders() {
        assertThat(EXTERNAL.bodies()).hasSize(1);
        String sent = WireJson.MAPPER.readTree(EXTERNAL.bodies().get(0)).path("messages").get(0).path("content").asString();
        assertThat(sent).isEqualTo("Please mail [[EMAIL_1]] or call [[CN_MOBILE_1]] about card [[BANK_CARD_1]], and [[EMAIL_1]] again.");
        assertThat(EXTERNAL.bodies().get(0)).doesNotContain(EMAIL, MOBILE, CARD);
        assertThat(PRIVATE.bodies()).isEmpty();
    }
}
