package io.llmgateway.sim.internal.http;

import io.llmgateway.sim.ErrorBodyFormat;
import io.llmgateway.sim.FaultConfig;
import io.llmgateway.sim.internal.protocol.Json;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The admin API's JSON form of {@link FaultConfig} (snake_case keys; absent keys keep their defaults). */
public final class FaultConfigJson {
    public static final Set<String> KEYS = Set.of("error_rate", "status_rate", "status", "retry_after_seconds",
            "status_body", "hang_before_headers", "stall_mid_stream_after_tokens", "drop_mid_stream_after_tokens",
            "malformed_chunk_after_tokens", "slow_drip_ms", "down", "down_for_ms", "wrong_content_type",
            "latency_multiplier");

    private FaultConfigJson() {
    }

    /** Parses a fault object; unknown keys and bad values fail with a message naming the key. */
    public static FaultConfig parse(JsonNode json) {
        if (!json.isObject()) {
            throw new IllegalArgumentException("faults must be a JSON object");
        }
        for (String key : json.propertyNames()) {
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException("unknown fault '" + key + "'; known: " + new TreeSet<>(KEYS));
            }
        }
        FaultConfig.Builder b = FaultConfig.builder();
        if (json.has("error_rate")) b.errorRate(number(json, "error_rate"));
        if (json.has("status_rate")) b.statusRate(number(json, "status_rate"));
        if (json.has("status")) b.status((int) integer(json, "status"));
        if (json.has("retry_after_seconds")) b.retryAfterSeconds((int) integer(json, "retry_after_seconds"));
        if (json.has("status_body")) b.statusBody(format(json.get("status_body")));
        if (json.has("hang_before_headers")) b.hangBeforeHeaders(bool(json, "hang_before_headers"));
        if (json.has("stall_mid_stream_after_tokens")) b.stallMidStreamAfterTokens(tokens(json, "stall_mid_stream_after_tokens"));
        if (json.has("drop_mid_stream_after_tokens")) b.dropMidStreamAfterTokens(tokens(json, "drop_mid_stream_after_tokens"));
        if (json.has("malformed_chunk_after_tokens")) b.malformedChunkAfterTokens(tokens(json, "malformed_chunk_after_tokens"));
        if (json.has("slow_drip_ms")) b.slowDripMs(integer(json, "slow_drip_ms"));
        if (json.has("down")) b.down(bool(json, "down"));
        if (json.has("down_for_ms")) b.downForMs(integer(json, "down_for_ms"));
        if (json.has("wrong_content_type")) b.wrongContentType(bool(json, "wrong_content_type"));
        if (json.has("latency_multiplier")) b.latencyMultiplier(number(json, "latency_multiplier"));
        return b.build();
    }

    public static ObjectNode write(FaultConfig f) {
        ObjectNode o = Json.object();
        o.put("error_rate", f.errorRate());
        o.put("status_rate", f.statusRate());
        o.put("status", f.status());
        o.put("retry_after_seconds", f.retryAfterSeconds());
        o.put("status_body", f.statusBody().name().toLowerCase(Locale.ROOT));
        o.put("hang_before_headers", f.hangBeforeHeaders());
        tokens(o, "stall_mid_stream_after_tokens", f.stallMidStreamAfterTokens());
        tokens(o, "drop_mid_stream_after_tokens", f.dropMidStreamAfterTokens());
        tokens(o, "malformed_chunk_after_tokens", f.malformedChunkAfterTokens());
        o.put("slow_drip_ms", f.slowDripMs());
        o.put("down", f.down());
        o.put("down_for_ms", f.downForMs());
        o.put("wrong_content_type", f.wrongContentType());
        o.put("latency_multiplier", f.latencyMultiplier());
        return o;
    }

    private static void tokens(ObjectNode o, String key, int value) {
        if (value == FaultConfig.OFF) {
            o.putNull(key);
        } else {
            o.put(key, value);
        }
    }

    private static int tokens(JsonNode json, String key) {
        return json.get(key).isNull() ? FaultConfig.OFF : (int) integer(json, key);
    }

    private static double number(JsonNode json, String key) {
        JsonNode v = json.get(key);
        if (!v.isNumber()) {
            throw new IllegalArgumentException(key + " must be a number, was " + v);
        }
        return v.doubleValue();
    }

    private static long integer(JsonNode json, String key) {
        JsonNode v = json.get(key);
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw new IllegalArgumentException(key + " must be an integer, was " + v);
        }
        return v.longValue();
    }

    private static boolean bool(JsonNode json, String key) {
        JsonNode v = json.get(key);
        if (!v.isBoolean()) {
            throw new IllegalArgumentException(key + " must be true or false, was " + v);
        }
        return v.booleanValue();
    }

    private static ErrorBodyFormat format(JsonNode v) {
        String s = v.asString("");
        try {
            return ErrorBodyFormat.valueOf(s.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("status_body must be 'native', 'vllm' or 'openai', was " + v);
        }
    }
}
