package io.llmgateway.sim.internal.protocol;

import io.llmgateway.sim.ErrorBodyFormat;
import tools.jackson.databind.node.ObjectNode;

/** Renders {@link ApiException}s in vLLM's or OpenAI's error body shape. */
public final class ErrorBodies {
    private ErrorBodies() {
    }

    /** {@code format} must be resolved ({@link ErrorBodyFormat#VLLM} or {@link ErrorBodyFormat#OPENAI}). */
    public static String render(ApiException e, ErrorBodyFormat format) {
        return Json.write(format == ErrorBodyFormat.OPENAI ? openai(e) : vllm(e));
    }

    /** {@code {"object":"error","message":..,"type":"BadRequestError","param":null,"code":400}} */
    public static ObjectNode vllm(ApiException e) {
        ObjectNode body = Json.object();
        body.put("object", "error");
        body.put("message", e.getMessage());
        body.put("type", e.vllmType());
        body.put("param", e.param());
        body.put("code", e.status());
        return body;
    }

    /** {@code {"error":{"message":..,"type":"invalid_request_error","param":..,"code":..}}} */
    public static ObjectNode openai(ApiException e) {
        ObjectNode body = Json.object();
        ObjectNode error = body.putObject("error");
        error.put("message", e.getMessage());
        error.put("type", e.openaiType());
        error.put("param", e.param());
        error.put("code", e.openaiCode());
        return body;
    }
}
