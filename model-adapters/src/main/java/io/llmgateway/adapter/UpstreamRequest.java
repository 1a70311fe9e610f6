package io.llmgateway.adapter;

import java.net.URI;
import java.util.Map;
import java.util.Objects;

/**
 * An HTTP request to an upstream, as built by a request translator.
 *
 * @param method  HTTP method
 * @param uri     full URI
 * @param headers headers to send (may carry credentials: never log)
 * @param body    body bytes, or null
 */
public record UpstreamRequest(String method, URI uri, Map<String, String> headers, byte[] body) {

    public UpstreamRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(uri, "uri");
        headers = Map.copyOf(headers);
    }

    @Override
    public String toString() {
        return "UpstreamRequest[" + method + " " + uri + "]";
    }
}
