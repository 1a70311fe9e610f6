package io.llmgateway.gateway.admission;

import io.llmgateway.adapter.error.GatewayException;
import java.util.Map;

/**
 * The answer to one admission: admitted or refused (with the OpenAI-format error to send), and the
 * {@code x-ratelimit-*} headers for the response either way.
 */
public final class Admission {

    static final Admission UNLIMITED = new Admission(null, Map.of());

    private final GatewayException refusal;
    private final Map<String, String> headers;

    Admission(GatewayException refusal, Map<String, String> headers) {
        this.refusal = refusal;
        this.headers = Map.copyOf(headers);
    }

    public boolean admitted() {
        return refusal == null;
    }

    /** The 429 to answer with (with Retry-After), or null when admitted. */
    public GatewayException refusal() {
        return refusal;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
