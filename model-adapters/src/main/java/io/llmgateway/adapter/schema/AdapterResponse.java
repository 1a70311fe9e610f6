package io.llmgateway.adapter.schema;

/**
 * A complete (non-streamed) answer, already in OpenAI's format.
 *
 * @param json  the OpenAI response body
 * @param usage usage it reports (never null; {@link Usage#NONE} if the upstream reported none)
 */
public record AdapterResponse(byte[] json, Usage usage) {
}
