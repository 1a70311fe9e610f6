package io.llmgateway.adapter.schema;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Token usage of one request, normalised across providers.
 *
 * @param promptTokens       input tokens
 * @param completionTokens   output tokens
 * @param cachedPromptTokens input tokens served from a prompt cache (subset of promptTokens)
 * @param estimated          true when counted by the gateway (stream cut short) rather than reported by the upstream
 */
public record Usage(long promptTokens, long completionTokens, long cachedPromptTokens, boolean estimated) {

    public static final Usage NONE = new Usage(0, 0, 0, true);

    public Usage {
        if (promptTokens < 0 || completionTokens < 0 || cachedPromptTokens < 0) {
            throw new IllegalArgumentException("negative token count");
        }
    }

    public static Usage reported(long prompt, long completion, long cached) {
        return new Usage(prompt, completion, cached, false);
    }

    public long totalTokens() {
        return promptTokens + completionTokens;
    }

    /** Reads an OpenAI {@code usage} object; null if absent or not an object. */
    public static Usage fromOpenAi(JsonNode usage) {
        if (usage == null || !usage.isObject()) {
            return null;
        }
        long prompt = usage.path("prompt_tokens").asLong(0);
        long completion = usage.path("completion_tokens").asLong(0);
        long cached = usage.path("prompt_tokens_details").path("cached_tokens").asLong(0);
        return reported(Math.max(0, prompt), Math.max(0, completion), Math.max(0, Math.min(cached, prompt)));
    }

    /** Writes this usage as OpenAI's {@code usage} object into {@code parent}. */
    public ObjectNode writeOpenAi(ObjectNode parent) {
        ObjectNode u = parent.putObject("usage");
        u.put("prompt_tokens", promptTokens);
        u.put("completion_tokens", completionTokens);
        u.put("total_tokens", totalTokens());
        if (cachedPromptTokens > 0) {
            u.putObject("prompt_tokens_details").put("cached_tokens", cachedPromptTokens);
        }
        return u;
    }
}
