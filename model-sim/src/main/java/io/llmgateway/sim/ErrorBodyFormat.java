package io.llmgateway.sim;

/** Which error body shape a simulated error response uses. */
public enum ErrorBodyFormat {
    /** The node's own shape: {@link #VLLM} for GPU profiles, {@link #OPENAI} for the closed-API profile. */
    NATIVE,
    /** vLLM's top-level shape: {@code {"object":"error","message":..,"type":..,"param":null,"code":400}}. */
    VLLM,
    /** OpenAI's envelope: {@code {"error":{"message":..,"type":..,"param":..,"code":..}}}. */
    OPENAI
}
