package io.llmgateway.sim.internal.protocol;

import tools.jackson.databind.node.ObjectNode;

/** The {@code usage} object: prompt, completion and total tokens of a script. */
final class Usage {
    private Usage() {
    }

    static ObjectNode of(CompletionScript script) {
        return of(script.promptTokens(), script.completionTokens());
    }

    static ObjectNode of(int promptTokens, int completionTokens) {
        return Json.object().put("prompt_tokens", promptTokens).put("total_tokens", promptTokens + completionTokens)
                .put("completion_tokens", completionTokens);
    }
}
