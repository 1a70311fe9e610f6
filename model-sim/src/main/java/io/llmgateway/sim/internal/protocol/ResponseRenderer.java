package io.llmgateway.sim.internal.protocol;

import java.util.List;

/**
 * Renders a {@link CompletionScript} as a JSON body or as SSE {@code data:} payloads (without the
 * {@code data: } prefix). Streaming order: {@link #opening}, {@link #step} for steps 0,1,..,
 * {@link #usage} when requested, then {@code [DONE]}.
 */
public interface ResponseRenderer {

    /** Payloads sent before the first token (role chunks; finish chunks of empty choices). */
    List<String> opening(CompletionScript script);

    /** Payloads of token step {@code step}: one token chunk per active choice, plus finish chunks of choices ending here. */
    List<String> step(CompletionScript script, int step);

    /** The final {@code "choices":[]} chunk with usage. */
    String usage(CompletionScript script);

    /** A payload that is not valid JSON (fault injection). */
    String malformed();

    /** The whole non-streamed response body. */
    String body(CompletionScript script);
}
