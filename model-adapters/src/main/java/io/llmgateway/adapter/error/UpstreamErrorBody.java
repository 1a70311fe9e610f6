package io.llmgateway.adapter.error;

import io.llmgateway.adapter.schema.WireJson;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * What an upstream error body says, read from any of the shapes upstreams use: OpenAI's and
 * Anthropic's {@code {"error":{"message","type","code","param"}}}, vLLM's top-level
 * {@code {"object":"error","message",...}}, {@code {"error":"text"}} (TGI, Ollama), FastAPI's
 * {@code detail}, and plain text. The message is cut to a safe length; HTML pages are not echoed.
 *
 * @param message what went wrong, or null
 * @param type    the upstream's error type, or null
 * @param code    the upstream's error code, or null
 * @param param   the offending parameter, or null
 */
public record UpstreamErrorBody(String message, String type, String code, String param) {

    private static final int MAX_MESSAGE = 500;
    private static final UpstreamErrorBody EMPTY = new UpstreamErrorBody(null, null, null, null);

    public static UpstreamErrorBody parse(byte[] body) {
        if (body == null || body.length == 0) {
            return EMPTY;
        }
        JsonNode root;
        try {
            root = WireJson.MAPPER.readTree(body);
        } catch (RuntimeException e) {
            return new UpstreamErrorBody(text(body), null, null, null);
        }
        if (root == null || !root.isObject()) {
            return new UpstreamErrorBody(text(body), null, null, null);
        }
        return parse(root);
    }

    public static UpstreamErrorBody parse(JsonNode root) {
        JsonNode err = root.get("error");
        if (err != null && err.isObject()) {
            return of(str(err.get("message")), str(err.get("type")), str(err.get("code")), str(err.get("param")));
        }
        if (err != null && err.isString()) {
            return of(err.stringValue(), str(root.get("error_type")), null, null);
        }
        if (root.has("message")) {
            return of(str(root.get("message")), str(root.get("type")), str(root.get("code")), str(root.get("param")));
        }
        if (root.has("detail")) {
            JsonNode d = root.get("detail");
            return of(d.isString() ? d.stringValue() : d.toString(), null, null, null);
        }
        return EMPTY;
    }

    /** Whether the upstream says the prompt did not fit the model's context. */
    public boolean mentionsContextLength() {
        String all = lower();
        return all.contains("context_length_exceeded") || all.contains("exceed_context_size")
                || all.contains("maximum context length") || all.contains("context window")
                || all.contains("prompt is too long") || all.contains("exceeds the context length");
    }

    /** Type, code and message in lower case, for classifying. */
    public String lower() {
        return ((type == null ? "" : type) + " " + (code == null ? "" : code) + " "
                + (message == null ? "" : message)).toLowerCase(Locale.ROOT);
    }

    private static UpstreamErrorBody of(String message, String type, String code, String param) {
        return new UpstreamErrorBody(message == null ? null : truncate(message), type, code, param);
    }

    private static String str(JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        return n.isString() ? n.stringValue() : n.toString();
    }

    private static String text(byte[] body) {
        String s = new String(body, 0, Math.min(body.length, MAX_MESSAGE * 2), StandardCharsets.UTF_8).strip();
        if (s.startsWith("<")) {
            return "a non-JSON (HTML) error page";
        }
        return s.isEmpty() ? null : truncate(s);
    }

    private static String truncate(String s) {
        s = s.replace('\n', ' ').replace('\r', ' ');
        return s.length() > MAX_MESSAGE ? s.substring(0, MAX_MESSAGE) + "..." : s;
    }
}
