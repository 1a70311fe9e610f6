package io.llmgateway.adapter.client;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import reactor.netty.http.client.HttpClientResponse;

/** Upstream response headers as a lower-case-name map, as the error translators expect. */
final class ResponseHeaders {

    private ResponseHeaders() {
    }

    static Map<String, String> lowerCase(HttpClientResponse resp) {
        Map<String, String> out = new HashMap<>();
        resp.responseHeaders().forEach(e -> out.putIfAbsent(e.getKey().toLowerCase(Locale.ROOT), e.getValue()));
        return out;
    }
}
