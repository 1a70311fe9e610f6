package io.llmgateway.adapter.replay;

import io.llmgateway.adapter.UpstreamTarget;
import io.llmgateway.adapter.WireAdapter;
import io.llmgateway.adapter.client.UpstreamClient;
import io.llmgateway.adapter.client.UpstreamClientConfig;
import io.llmgateway.adapter.schema.AdapterResponse;
import io.llmgateway.adapter.schema.OpenAiChunk;
import io.llmgateway.adapter.schema.OpenAiRequest;
import io.llmgateway.adapter.schema.Operation;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import reactor.test.StepVerifier;

/** Runs one exchange through the real client and adapter against a {@link RecordedUpstream}. */
final class Replay {

    static final UpstreamClient CLIENT = new UpstreamClient(UpstreamClientConfig.DEFAULTS);

    private Replay() {
    }

    static UpstreamTarget target(String baseUrl, String model, Map<String, String> options) {
        Duration d = Duration.ofSeconds(20);
        return new UpstreamTarget("recorded", URI.create(baseUrl), model, "sk-replay", Map.of(), options,
                new UpstreamTarget.Timeouts(d, d, d, d));
    }

    static OpenAiRequest request(Operation op, String json) {
        return OpenAiRequest.parse(op, json.getBytes(StandardCharsets.UTF_8));
    }

    static AdapterResponse call(WireAdapter adapter, OpenAiRequest request, UpstreamTarget target) {
        AtomicReference<AdapterResponse> out = new AtomicReference<>();
        StepVerifier.create(CLIENT.call(adapter, request, target)).consumeNextWith(out::set).verifyComplete();
        return out.get();
    }

    static List<OpenAiChunk> stream(WireAdapter adapter, OpenAiRequest request, UpstreamTarget target) {
        AtomicReference<List<OpenAiChunk>> out = new AtomicReference<>();
        StepVerifier.create(CLIENT.stream(adapter, request, target, adapter.streamTranslator(request, target)).collectList())
                .consumeNextWith(out::set).verifyComplete();
        return out.get();
    }

    /** A recorded stream's payloads (one per line) as SSE, optionally with Anthropic-style event names. */
    static String sse(List<String> payloads, boolean named, boolean done) {
        StringBuilder sb = new StringBuilder();
        for (String p : payloads) {
            if (named) {
                String type = io.llmgateway.adapter.schema.WireJson.MAPPER.readTree(p).path("type").asString("");
                sb.append("event: ").append(type).append('\n');
            }
            sb.append("data: ").append(p).append("\n\n");
        }
        return done ? sb.append("data: [DONE]\n\n").toString() : sb.toString();
    }
}
