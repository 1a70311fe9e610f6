package io.llmgateway.gateway.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmgateway.gateway.fuzz.GatewayUnderTest.Answer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What every answer to a client must be: a success, or a 4xx in OpenAI's error envelope with no internals. */
final class ErrorContract {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ErrorContract() {
    }

    /** 2xx, or a 4xx OpenAI error; never 5xx, never a stack trace. */
    static void successOrClientError(Answer a, String what) {
        assertThat(a.status()).as("status for %s; body %s", what, abbreviate(a.body())).isLessThan(500);
        noInternals(a, what);
        if (a.status() >= 400) {
            openAiError(a, what);
        }
    }

    /** A 4xx OpenAI error. */
    static void clientError(Answer a, String what) {
        assertThat(a.status()).as("status for %s; body %s", what, abbreviate(a.body())).isBetween(400, 499);
        noInternals(a, what);
        openAiError(a, what);
    }

    static void openAiError(Answer a, String what) {
        assertThat(a.headers().get("content-type")).as("content type for %s", what).contains("application/json");
        JsonNode error = JSON.readTree(a.body()).path("error");
        assertThat(error.path("message").isString()).as("error.message for %s: %s", what, a.body()).isTrue();
        assertThat(error.path("type").isString()).as("error.type for %s: %s", what, a.body()).isTrue();
        assertThat(error.has("param") && error.has("code")).as("error.param and error.code for %s: %s", what, a.body()).isTrue();
        assertThat(a.headers()).as("x-request-id on %s", what).containsKey("x-request-id");
    }

    static void noInternals(Answer a, String what) {
        assertThat(a.body()).as("answer to %s", what)
                .doesNotContain("\tat ", ".java:", "Exception", "org.springframework", "io.llmgateway", "reactor.");
    }

    static String abbreviate(String s) {
        return s == null || s.length() < 600 ? s : s.substring(0, 600) + "... (" + s.length() + " chars)";
    }
}
