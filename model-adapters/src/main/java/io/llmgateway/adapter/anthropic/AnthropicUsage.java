package io.llmgateway.adapter.anthropic;

import io.llmgateway.adapter.schema.Usage;
import tools.jackson.databind.JsonNode;

/**
 * Anthropic usage -> normalised usage. Anthropic's {@code input_tokens} excludes prompt-cache reads
 * and writes; OpenAI's {@code prompt_tokens} includes cached tokens. So prompt = input + cache read +
 * cache creation, and cached = cache read.
 */
final class AnthropicUsage {

    private long input;
    private long cacheRead;
    private long cacheCreation;
    private long output;
    private boolean reported;

    /** Merges a {@code usage} object (message_start, message_delta, or a whole message); later counts win. */
    void merge(JsonNode usage) {
        if (usage == null || !usage.isObject()) {
            return;
        }
        reported = true;
        input = pick(usage, "input_tokens", input);
        cacheRead = pick(usage, "cache_read_input_tokens", cacheRead);
        cacheCreation = pick(usage, "cache_creation_input_tokens", cacheCreation);
        output = pick(usage, "output_tokens", output);
    }

    Usage toUsage() {
        if (!reported) {
            return null;
        }
        long prompt = input + cacheRead + cacheCreation;
        return Usage.reported(prompt, output, cacheRead);
    }

    static Usage of(JsonNode usage) {
        AnthropicUsage u = new AnthropicUsage();
        u.merge(usage);
        Usage out = u.toUsage();
        return out == null ? Usage.NONE : out;
    }

    private static long pick(JsonNode usage, String name, long current) {
        JsonNode v = usage.get(name);
        return v != null && v.isIntegralNumber() && v.asLong() >= 0 ? v.asLong() : current;
    }
}
