package io.llmgateway.adapter.tgi;

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
 * {@code api: tgi}: Hugging Face Text Generation Inference's native API ({@code url: http://HOST:8080}),
 * for servers without the Messages API (TGI with the Messages API is {@code api: openai}). Chat
 * (rendered with option {@code chat-template}: chatml, llama3, mistral, plain) and legacy completions.
 */
public class TgiAdapter implements WireAdapter {

    public static final String API = "tgi";

    private final TgiRequestTranslator requests = new TgiRequestTranslator();
    private final TgiResponseTranslator responses = new TgiResponseTranslator();
    private final TgiErrorTranslator errors = new TgiErrorTranslator();
    private final Supplier<ResponseStamp> stamps;

    public TgiAdapter() {
        this(ResponseStamp.random(Clock.systemUTC()));
    }

    public TgiAdapter(Supplier<ResponseStamp> stamps) {
        this.stamps = stamps;
    }

    @Override
    public String api() {
        return API;
    }

    @Override
    public void validate(UpstreamTarget target) {
        TgiRequestTranslator.options(target);
    }

    @Override
    public boolean supports(Operation operation) {
        return operation != Operation.EMBEDDINGS;
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
        return new TgiStreamTranslator(request, target, stamps.get());
    }

    @Override
    public GatewayException toError(int status, Map<String, String> headers, byte[] body, UpstreamTarget target) {
        return errors.translate(status, headers, body, target);
    }
}
