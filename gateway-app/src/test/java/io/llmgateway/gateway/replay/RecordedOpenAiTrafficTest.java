package io.llmgateway.gateway.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every recorded api.openai.com and Azure OpenAI exchange (Envoy AI Gateway's go-vcr cassettes:
 * chat, tools, parallel tools, JSON mode, reasoning, streaming with detailed usage, legacy
 * completions, embeddings, bad requests, unknown models) replayed end to end: the recorded client
 * request is sent to the gateway, an in-process upstream answers with the recorded response, and the
 * client must get what OpenAI sent (bytes of answers, every stream event, errors with OpenAI's status),
 * while the upstream must receive the recorded request.
 */
class RecordedOpenAiTrafficTest extends GatewayReplaySupport {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @TestFactory
    Stream<DynamicTest> cassettes() {
        Path dir = SharedFixtures.dir("openai/envoy-ai-gateway-cassettes");
        return SharedFixtures.files(dir, ".yaml").stream().map(SharedFixtures.Cassette::read)
                .map(c -> DynamicTest.dynamicTest(c.name(), () -> replay(c)));
    }

    private void replay(SharedFixtures.Cassette c) {
        boolean azure = c.url().contains("/openai/deployments/");
        ReplayUpstream upstream = (azure ? AZURE : OPENAI).answer(c.status(), c.contentType(), c.responseBody());
        ObjectNode request = (ObjectNode) JSON.readTree(c.requestBody());
        if (azure) {
            request.put("model", "azure-gpt-5-nano");
        }
        EntityExchangeResult<byte[]> result = http().post().uri("/v1/" + c.operationPath())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(request.toString())
                .exchange()
                .expectBody().returnResult();
        int status = result.getStatus().value();
        String body = new String(result.getResponseBodyContent() == null ? new byte[0] : result.getResponseBodyContent(), StandardCharsets.UTF_8);
        if (c.name().contains("unknown-model")) {
            // no such alias in the policy: the gateway answers as OpenAI did, without asking an upstream
            assertThat(status).isEqualTo(404);
            assertThat(JSON.readTree(body).path("error").path("code").asString()).isEqualTo("model_not_found");
            return;
        }
        assertThat(status).as(body).isEqualTo(c.status());
        if (upstream.received.isEmpty()) {
            // refused by the gateway's own validation, as OpenAI refused it
            assertThat(status).isEqualTo(400);
            assertThat(JSON.readTree(body).path("error").path("type").asString()).isEqualTo("invalid_request_error");
            return;
        }
        assertUpstreamGotTheRecordedRequest(c, upstream.last(), request.path("stream").asBoolean(false), azure);
        if (c.status() >= 400) {
            JsonNode recorded = JSON.readTree(c.responseBody()).path("error");
            JsonNode ours = JSON.readTree(body).path("error");
            assertThat(ours.path("message").asString()).contains(recorded.path("message").asString());
            assertThat(ours.path("param")).isEqualTo(recorded.path("param"));
            assertThat(ours.path("code")).isEqualTo(recorded.path("code"));
        } else if (request.path("stream").asBoolean(false)) {
            List<String> recorded = SharedFixtures.sseData(c.responseBody());
            List<String> ours = SharedFixtures.sseData(body);
            assertThat(ours).as("every recorded event, unchanged, then [DONE]").containsExactlyElementsOf(recorded);
        } else {
            assertThat(body).as("the recorded answer, byte for byte").isEqualTo(c.responseBody());
        }
    }

    private static void assertUpstreamGotTheRecordedRequest(SharedFixtures.Cassette c, ReplayUpstream.Received sent,
                                                            boolean stream, boolean azure) {
        ObjectNode expected = (ObjectNode) JSON.readTree(c.requestBody());
        if (stream) {
            ObjectNode so = expected.get("stream_options") instanceof ObjectNode o ? o : expected.putObject("stream_options");
            so.put("include_usage", true);
        }
        assertThat(JSON.readTree(sent.body())).isEqualTo(expected);
        if (azure) {
            assertThat(sent.uri()).isEqualTo("/openai/deployments/gpt-5-nano/" + c.operationPath()
                    + "?api-version=" + c.form().get("api-version").get(0));
        } else {
            assertThat(sent.uri()).isEqualTo("/v1/" + c.operationPath());
        }
    }
}
