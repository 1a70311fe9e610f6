package io.llmgateway.adapter;

import io.llmgateway.adapter.error.GatewayException;
import io.llmgateway.adapter.schema.AdapterResponse;
import io.llmgateway.adapter.schema.OpenAiRequest;
import io.llmgateway.adapter.schema.Operation;
import java.util.Map;

/**
 * One upstream wire API (the unit of extension). Made of four translators: request, response,
 * stream and error. Pure: no I/O, no environment, no clock beyond what a translator stamps into ids.
 */
public interface WireAdapter {

    /** The {@code api:} value that selects this adapter in the policy, e.g. {@code openai}. */
    String api();

    /**
     * Checks a deployment's settings ({@code options:}, URL) before it goes live, so the policy loader
     * can reject a deployment this adapter cannot serve. Throws {@link IllegalArgumentException}
     * naming the deployment, the option and the bad value.
     */
    default void validate(UpstreamTarget target) {
    }

    /** Whether this upstream API offers the operation at all. */
    boolean supports(Operation operation);

    /** Request translator: the client's OpenAI request to the upstream's. */
    UpstreamRequest toUpstream(OpenAiRequest request, UpstreamTarget target);

    /** Response translator: a 2xx upstream body to the OpenAI response. */
    AdapterResponse fromUpstream(OpenAiRequest request, UpstreamTarget target, byte[] body);

    /** Stream translator for one streamed exchange. */
    StreamTranslator streamTranslator(OpenAiRequest request, UpstreamTarget target);

    /** How the upstream frames streams. */
    default StreamFraming framing() {
        return StreamFraming.SSE;
    }

    /** Error translator: a non-2xx upstream answer to a normalised error (status, type, retryability). */
    GatewayException toError(int status, Map<String, String> headers, byte[] body, UpstreamTarget target);
}
