package io.llmgateway.adapter.openai;

import io.llmgateway.adapter.StreamTranslator;
import io.llmgateway.adapter.UpstreamRequest;
import io.llmgateway.adapter.UpstreamTarget;
import io.llmgateway.adapter.WireAdapter;
import io.llmgateway.adapter.error.GatewayException;
import io.llmgateway.adapter.schema.AdapterResponse;
import io.llmgateway.adapter.schema.OpenAiRequest;
import io.llmgateway.adapter.schema.Operation;
import java.util.Map;

/**
 * {@code api: openai}: OpenAI itself and every OpenAI-compatible server (vLLM, SGLang, llama.cpp
 * server, TGI Messages API, Ollama /v1, DashScope compatible mode, DeepSeek, Moonshot, Zhipu).
 */
public class OpenAiAdapter implements WireAdapter {

    private final OpenAiRequestTranslator requests;
    private final OpenAiResponseTranslator responses = new OpenAiResponseTranslator();
    private final OpenAiErrorTranslator errors = new OpenAiErrorTranslator();

    public OpenAiAdapter() {
        this(new OpenAiRequestTranslator());
    }

    protected OpenAiAdapter(OpenAiRequestTranslator requests) {
        this.requests = requests;
    }

    @Override
    public String api() {
        return "openai";
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
        return responses.translate(request, target, body);
    }

    @Override
    public StreamTranslator streamTranslator(OpenAiRequest request, UpstreamTarget target) {
        return new OpenAiStreamTranslator(target);
    }

    @Override
    public GatewayException toError(int status, Map<String, String> headers, byte[] body, UpstreamTarget target) {
        return errors.translate(status, headers, body, target);
    }
}
