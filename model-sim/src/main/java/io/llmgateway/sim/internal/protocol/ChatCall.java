package io.llmgateway.sim.internal.protocol;

import tools.jackson.databind.JsonNode;

/**
 * A parsed {@code /v1/chat/completions} request, reduced to what the simulator needs. Holds a hash of the
 * prompt, never its text.
 *
 * @param model        the served model
 * @param params       sampling parameters
 * @param promptHash   hash of messages and tools (seeds the output)
 * @param promptTokens estimated prompt tokens including template overhead
 * @param toolCall     the tool to call, or null for a text answer
 * @param jsonOutput   true when {@code response_format} asks for JSON
 * @param jsonSchema   the JSON schema to follow (null: any JSON object)
 */
public record ChatCall(ServedModel model, SamplingParams params, long promptHash, int promptTokens,
                       ToolCallPlan toolCall, boolean jsonOutput, JsonNode jsonSchema) {

    /** The function the answer calls and the JSON schema of its parameters. */
    public record ToolCallPlan(String name, JsonNode parameters) {
    }
}
