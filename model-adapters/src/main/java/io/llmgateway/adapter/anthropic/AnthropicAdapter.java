package io.llmgateway.adapter.anthropic;

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
 * {@code api: anthropic}: the Anthropic Messages API ({@code url: https://api.anthropic.com/v1}),
 * chat only. Options: {@code anthropic-version} (default 2023-06-01), {@code anthropic-beta},
 * {@code max-tokens-default} (default 4096; Anthropic requires max_tokens).
 */
public class AnthropicAdapter implements WireAdapter {

    public static final String API = "anthropic";

    private final AnthropicRequestTranslator requests = new AnthropicRequestTranslator();
    private final AnthropicResponseTranslator responses = new AnthropicResponseTranslator();
    private final AnthropicErrorTranslator errors = new AnthropicErrorTranslator();
    private final Supplier<ResponseStamp> stamps;

    public AnthropicAdapter() {
        this(ResponseStamp.random(Clock.systemUTC()));
    }

    public AnthropicAdapter(Supplier<ResponseStamp> stamps) {
        this.stamps = stamps;
    }

    @Override
    public String api() {
        return API;
    }

    @Override
    public void validate(UpstreamTarget target) {
        AnthropicRequestTranslator.options(target);
    }

    @Override
    public boolean supports(Operation operation) {
        return operation == Operation.CHAT;
    }

    @Override
    public UpstreamRequest toUpstream(OpenAiRequest request, UpstreamTarget target) {
        return requests.translate(request, target);
    }

    @Override
    public AdapterResponse fromUpstream(OpenAiRequest request, UpstreamTarget target, byte[] body) {
        return responses.translate(target, body, stamps.get());
    }

    @Override
    public StreamTranslator streamTranslator(OpenAiRequest request, UpstreamTarget target) {
        return new AnthropicStreamTranslator(target, stamps.get());
    }

    @Override
    public GatewayException toError(int status, Map<String, String> headers, byte[] body, UpstreamTarget target) {
        return errors.translate(status, headers, body, target);
    }
}
