package io.llmgateway.adapter.ollama;

import io.llmgateway.adapter.StreamFraming;
import io.llmgateway.adapter.StreamTranslator;
import io.llmgateway.adapter.UpstreamRequest;
import io.llmgateway.adapter.UpstreamTarget;
import io.llmgateway.adapter.WireAdapter;
import io.llmgateway.adapter.error.GatewayException;
import io.llmgateway.adapter.schema.AdapterResponse;
import io.llmgateway.adapter.schema.OpenAiRequest;
import io.llmgateway.adapter.schema.Operation;
import io.llmgateway.adapter.schema.ResponseStamp;
import java.time.Clock;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code api: ollama}: Ollama's native API ({@code url: http://HOST:11434}, no {@code /v1}): chat,
 * legacy completions and embeddings, streamed as NDJSON. (Ollama's OpenAI-compatible {@code /v1} is
 * served by {@code api: openai}.) Options: {@code num-ctx}, {@code keep-alive}.
 */
public class OllamaAdapter implements WireAdapter {

    public static final String API = "ollama";

    private final OllamaRequestTranslator requests = new OllamaRequestTranslator();
    private final OllamaResponseTranslator responses = new OllamaResponseTranslator();
    private final OllamaErrorTranslator errors = new OllamaErrorTranslator();
    private final Supplier<ResponseStamp> stamps;

    public OllamaAdapter() {
        this(ResponseStamp.random(Clock.systemUTC()));
    }

    public OllamaAdapter(Supplier<ResponseStamp> stamps) {
        this.stamps = stamps;
    }

    @Override
    public String api() {
        return API;
    }

    @Override
    public void validate(UpstreamTarget target) {
        OllamaRequestTranslator.options(target);
    }

    @Override
    public boolean supports(Operation operation) {
        return true;
    }

    @Override
    public UpstreamRequest toUpstream(OpenAiRequest request, UpstreamTarget target) {
        return requests.translate(request, target);
    }

    @Override
    public AdapterResponse fromUpstream(OpenAiRequest request, UpstreamTarget target, byte[] body) {
        return responses.translate(request, target, body, stamps.get());
    }

    @Override
    public StreamTranslator streamTranslator(OpenAiRequest request, UpstreamTarget target) {
        return new OllamaStreamTranslator(request.operation(), target, stamps.get());
    }

    @Override
    public StreamFraming framing() {
        return StreamFraming.NDJSON;
    }

    @Override
    public GatewayException toError(int status, Map<String, String> headers, byte[] body, UpstreamTarget target) {
        return errors.translate(status, headers, body, target);
    }
}
