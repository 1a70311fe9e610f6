package io.llmgateway.adapter.openai;

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
 * {@code api: openai}: OpenAI itself and every OpenAI-compatible server (vLLM, SGLang, llama.cpp
 * server, TGI Messages API, Ollama /v1, DashScope compatible mode, DeepSeek, Moonshot, Zhipu).
 */
public class OpenAiAdapter implements WireAdapter {

    private final OpenAiRequestTranslator requests;
    private final OpenAiResponseTranslator responses = new OpenAiResponseTranslator();
    private final OpenAiErrorTranslator errors = new OpenAiErrorTranslator();
    private final Supplier<ResponseStamp> stamps;

    public OpenAiAdapter() {
        this(new OpenAiRequestTranslator(), ResponseStamp.random(Clock.systemUTC()));
    }

    /** With the stamps used where an upstream leaves ids or creation times out (tests pass fixed ones). */
    public OpenAiAdapter(Supplier<ResponseStamp> stamps) {
        this(new OpenAiRequestTranslator(), stamps);
    }

    protected OpenAiAdapter(OpenAiRequestTranslator requests) {
        this(requests, ResponseStamp.random(Clock.systemUTC()));
    }

    protected OpenAiAdapter(OpenAiRequestTranslator requests, Supplier<ResponseStamp> stamps) {
        this.requests = requests;
        this.stamps = stamps;
    }

    @Override
    public String api() {
        return "openai";
    }

    @Override
    public void validate(UpstreamTarget target) {
        requests.validate(target);
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
        return new OpenAiStreamTranslator(request, target, stamps.get());
    }

    @Override
    public GatewayException toError(int status, Map<String, String> headers, byte[] body, UpstreamTarget target) {
        return errors.translate(status, headers, body, target);
    }
}
