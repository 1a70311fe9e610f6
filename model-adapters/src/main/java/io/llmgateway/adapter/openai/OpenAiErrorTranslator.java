package io.llmgateway.adapter.openai;

import io.llmgateway.adapter.UpstreamTarget;
import io.llmgateway.adapter.error.ErrorKind;
import io.llmgateway.adapter.error.GatewayException;
import io.llmgateway.adapter.error.RetryAfter;
import io.llmgateway.adapter.error.UpstreamStatus;
import io.llmgateway.adapter.schema.WireJson;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Error bodies of OpenAI-compatible servers -> one normalised error. Understands OpenAI's envelope,
 * vLLM's top-level {@code {"object":"error","message",...,"code":400}}, llama.cpp's
 * {@code exceed_context_size_error}, {@code {"error":"text"}} (TGI, Ollama), FastAPI's {@code detail},
 * and plain text.
 */
public class OpenAiErrorTranslator {

    private static final int MAX_MESSAGE = 500;

    public GatewayException translate(int status, Map<String, String> headers, byte[] body, UpstreamTarget target) {
        Parsed p = parse(body);
        ErrorKind kind = UpstreamStatus.kindFor(status);
        if (isContextLength(p)) {
            kind = ErrorKind.CONTEXT_LENGTH_EXCEEDED;
        }
        String message = UpstreamStatus.describe(target.deploymentId(), status)
                + (p.message == null ? "" : ": " + truncate(p.message));
        GatewayException.Builder b = GatewayException.builder(kind, message)
                .upstreamStatus(status)
                .retryAfter(RetryAfter.parse(headers));
        if (kind == ErrorKind.INVALID_REQUEST || kind == ErrorKind.CONTEXT_LENGTH_EXCEEDED) {
            b.param(p.param);
            if (p.code != null && kind == ErrorKind.INVALID_REQUEST) {
                b.code(p.code);
            }
        }
        return b.build();
    }

    private static boolean isContextLength(Parsed p) {
        String all = ((p.type == null ? "" : p.type) + " " + (p.code == null ? "" : p.code) + " "
                + (p.message == null ? "" : p.message)).toLowerCase(Locale.ROOT);
        return all.contains("context_length_exceeded") || all.contains("exceed_context_size")
                || all.contains("maximum context length") || all.contains("context window");
    }

    record Parsed(String message, String type, String code, String param) {
    }

    static Parsed parse(byte[] body) {
        if (body == null || body.length == 0) {
            return new Parsed(null, null, null, null);
        }
        JsonNode root;
        try {
            root = WireJson.MAPPER.readTree(body);
        } catch (RuntimeException e) {
            return new Parsed(text(body), null, null, null);
        }
        if (root == null || !root.isObject()) {
            return new Parsed(text(body), null, null, null);
        }
        JsonNode err = root.get("error");
        if (err != null && err.isObject()) {
            return new Parsed(str(err.get("message")), str(err.get("type")), str(err.get("code")), str(err.get("param")));
        }
        if (err != null && err.isString()) {
            return new Parsed(err.stringValue(), str(root.get("error_type")), null, null);
        }
        if (root.has("message")) {
            return new Parsed(str(root.get("message")), str(root.get("type")), str(root.get("code")), str(root.get("param")));
        }
        if (root.has("detail")) {
            JsonNode d = root.get("detail");
            return new Parsed(d.isString() ? d.stringValue() : d.toString(), null, null, null);
        }
        return new Parsed(null, null, null, null);
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
        return s.isEmpty() ? null : s;
    }

    private static String truncate(String s) {
        s = s.replace('\n', ' ').replace('\r', ' ');
        return s.length() > MAX_MESSAGE ? s.substring(0, MAX_MESSAGE) + "..." : s;
    }
}
