package io.llmgateway.sim.internal.protocol;

import io.llmgateway.sim.internal.text.Seeds;
import io.llmgateway.sim.internal.text.TokenEstimator;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * One prompt of {@code /v1/completions} or one input of {@code /v1/embeddings}: a hash of its content
 * (never the text itself, which is not kept) and its token count.
 */
public record PromptInput(long hash, int tokens) {

    /**
     * Accepts a string, a list of strings, a list of token ids, or a list of token-id lists, as OpenAI
     * and vLLM do. {@code field} names the request field in error messages.
     */
    public static List<PromptInput> parseAll(JsonNode value, String field) {
        List<PromptInput> out = new ArrayList<>();
        if (value.isString()) {
            out.add(ofText(value.stringValue()));
        } else if (value.isArray() && !value.isEmpty() && value.get(0).isIntegralNumber()) {
            out.add(ofTokens(value, field));
        } else if (value.isArray() && !value.isEmpty()) {
            for (JsonNode item : value) {
                if (item.isString()) {
                    out.add(ofText(item.stringValue()));
                } else if (item.isArray() && !item.isEmpty()) {
                    out.add(ofTokens(item, field));
                } else {
                    throw ApiException.badRequest(field + " must be a string, a list of strings or a list of "
                            + "token lists.", field);
                }
            }
        } else {
            throw ApiException.badRequest(field + " must be a non-empty string or list.", field);
        }
        return out;
    }

    private static PromptInput ofText(String text) {
        return new PromptInput(Seeds.hash(text), Math.max(1, TokenEstimator.count(text)));
    }

    private static PromptInput ofTokens(JsonNode ids, String field) {
        long h = 17;
        for (JsonNode id : ids) {
            if (!id.isIntegralNumber()) {
                throw ApiException.badRequest(field + " token lists must hold integers only.", field);
            }
            h = Seeds.mix(h, id.longValue());
        }
        return new PromptInput(h, ids.size());
    }
}
