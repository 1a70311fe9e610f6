package io.llmgateway.sim.internal.protocol;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The generation parameters shared by chat and text completions. Unknown fields are ignored.
 *
 * @param n            choices per prompt
 * @param maxTokens    {@code max_completion_tokens} or {@code max_tokens}; null when absent
 * @param stops        stop strings
 * @param seed         request seed; null when absent
 * @param stream       SSE streaming
 * @param includeUsage {@code stream_options.include_usage}
 * @param minTokens    vLLM's {@code min_tokens}: no natural end before this many tokens
 * @param ignoreEos    vLLM's {@code ignore_eos}: always generate up to the token cap
 */
public record SamplingParams(int n, Integer maxTokens, List<String> stops, Long seed, boolean stream,
                             boolean includeUsage, int minTokens, boolean ignoreEos) {
    private static final int MAX_N = 128;

    public SamplingParams {
        stops = List.copyOf(stops);
    }

    public static SamplingParams parse(JsonNode body) {
        int n = intField(body, "n", 1);
        if (n < 1 || n > MAX_N) {
            throw ApiException.badRequest("n must be between 1 and " + MAX_N + ", got " + n + ".", "n");
        }
        Integer maxTokens = null;
        for (String field : new String[] {"max_tokens", "max_completion_tokens"}) {
            if (body.hasNonNull(field)) {
                maxTokens = intField(body, field, 0);
                if (maxTokens < 1) {
                    throw ApiException.badRequest(field + " must be at least 1, got " + maxTokens + ".", field);
                }
            }
        }
        boolean stream = boolField(body, "stream");
        JsonNode options = body.path("stream_options");
        if (!options.isMissingNode() && !options.isNull()) {
            if (!stream) {
                throw ApiException.badRequest("Stream options can only be defined when `stream=True`.", "stream_options");
            }
            if (!options.isObject()) {
                throw ApiException.badRequest("stream_options must be an object.", "stream_options");
            }
        }
        Long seed = body.hasNonNull("seed") ? (long) longField(body, "seed") : null;
        int minTokens = intField(body, "min_tokens", 0);
        if (minTokens < 0 || maxTokens != null && minTokens > maxTokens) {
            throw ApiException.badRequest("min_tokens must be between 0 and max_tokens, got " + minTokens + ".", "min_tokens");
        }
        return new SamplingParams(n, maxTokens, stops(body.path("stop")), seed, stream,
                boolField(options, "include_usage"), minTokens, boolField(body, "ignore_eos"));
    }

    private static List<String> stops(JsonNode stop) {
        List<String> out = new ArrayList<>();
        if (stop.isString()) {
            out.add(stop.stringValue());
        } else if (stop.isArray()) {
            for (JsonNode s : stop) {
                if (!s.isString()) {
                    throw ApiException.badRequest("stop must be a string or a list of strings.", "stop");
                }
                out.add(s.stringValue());
            }
        } else if (!stop.isMissingNode() && !stop.isNull()) {
            throw ApiException.badRequest("stop must be a string or a list of strings.", "stop");
        }
        out.removeIf(String::isEmpty);
        return out;
    }

    static int intField(JsonNode body, String field, int fallback) {
        long v = body.hasNonNull(field) ? longField(body, field) : fallback;
        if (v > Integer.MAX_VALUE || v < Integer.MIN_VALUE) {
            throw ApiException.badRequest(field + " is out of range.", field);
        }
        return (int) v;
    }

    private static long longField(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw ApiException.badRequest(field + " must be an integer, got " + v + ".", field);
        }
        return v.longValue();
    }

    static boolean boolField(JsonNode body, String field) {
        JsonNode v = body.path(field);
        if (v.isMissingNode() || v.isNull()) {
            return false;
        }
        if (!v.isBoolean()) {
            throw ApiException.badRequest(field + " must be a boolean, got " + v + ".", field);
        }
        return v.booleanValue();
    }

    /**
     * The completion-token cap for a prompt: {@code maxTokens}, or what the context leaves when absent.
     * Fails like vLLM when prompt plus completion exceed the context window.
     */
    public int tokenCap(int promptTokens, int maxModelLen) {
        int requested = maxTokens != null ? maxTokens : maxModelLen - promptTokens;
        if (promptTokens + (long) Math.max(requested, 1) > maxModelLen) {
            throw new ApiException(400, "This model's maximum context length is " + maxModelLen
                    + " tokens. However, you requested " + (promptTokens + (long) Math.max(requested, 1))
                    + " tokens (" + promptTokens + " in the messages, " + Math.max(requested, 1)
                    + " in the completion). Please reduce the length of the messages or completion.", "messages",
                    "invalid_request_error", "context_length_exceeded");
        }
        return requested;
    }
}
