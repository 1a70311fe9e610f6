package io.llmgateway.gateway.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client of the gateway for fault tests: whole answers, SSE events parsed, assertions chained. */
final class Client {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final int port;

    Client(int port) {
        this.port = port;
    }

    Result chat(String model, boolean stream) {
        return chat(model, stream, "sk-test-123456", 0);
    }

    Result chat(String model, boolean stream, String key, int maxTokens) {
        String body = "{\"model\":\"" + model + "\",\"stream\":" + stream
                + (maxTokens > 0 ? ",\"max_tokens\":" + maxTokens : "")
                + ",\"messages\":[{\"role\":\"user\",\"content\":\"hello there\"}]}";
        HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/chat/completions"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
            return new Result(r.statusCode(), r.headers(), r.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    record Result(int status, HttpHeaders headers, String body) {

        Result expect(int expected) {
            assertThat(status).as("status; body: %s", body).isEqualTo(expected);
            return this;
        }

        /** An OpenAI-format error with this status and code, and nothing that looks like a stack trace. */
        Result expect(int expected, String code) {
            expect(expected);
            JsonNode error = JSON.readTree(body).get("error");
            assertThat(error.properties()).extracting(java.util.Map.Entry::getKey)
                    .containsExactlyInAnyOrder("message", "type", "param", "code");
            assertThat(error.get("code").asString()).isEqualTo(code);
            assertThat(body).doesNotContain("Exception").doesNotContain("\tat ");
            return this;
        }

        Result messageContains(String part) {
            assertThat(JSON.readTree(body).path("error").path("message").asString()).contains(part);
            return this;
        }

        Result header(String name, String value) {
            assertThat(headers.firstValue(name)).as(name).hasValue(value);
            return this;
        }

        Result servedBy(String deployment) {
            return header("x-gateway-deployment", deployment);
        }

        List<String> events() {
            List<String> out = new ArrayList<>();
            for (String block : body.split("\n\n")) {
                for (String line : block.split("\n")) {
                    if (line.startsWith("data:")) {
                        out.add(line.substring(5).strip());
                    }
                }
            }
            return out;
        }

        Result streamCompletes() {
            List<String> e = events();
            assertThat(e).as("events").isNotEmpty();
            assertThat(e.get(e.size() - 1)).isEqualTo("[DONE]");
            return this;
        }

        /** Some content went out, then an OpenAI error event ended the stream, without [DONE]. */
        Result streamEndsWithError(String code, String messagePart) {
            List<String> e = events();
            assertThat(e).as("events").hasSizeGreaterThanOrEqualTo(2).doesNotContain("[DONE]");
            JsonNode error = JSON.readTree(e.get(e.size() - 1)).path("error");
            assertThat(error.path("code").asString()).isEqualTo(code);
            if (messagePart != null) {
                assertThat(error.path("message").asString()).contains(messagePart);
            }
            return this;
        }
    }
}
