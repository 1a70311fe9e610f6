package io.llmgateway.sim.internal.protocol;

import java.util.List;
import tools.jackson.databind.JsonNode;

/** A parsed {@code /v1/completions} request: one or more prompts, each answered with {@code n} choices. */
public record CompletionCall(ServedModel model, SamplingParams params, List<PromptInput> prompts) {
    public CompletionCall {
        prompts = List.copyOf(prompts);
    }

    public static CompletionCall parse(JsonNode body, ServedModels models, String defaultModel) {
        String name = body.hasNonNull("model") ? body.get("model").asString(defaultModel) : defaultModel;
        ServedModel model = models.require(name, false, "Completions");
        SamplingParams params = SamplingParams.parse(body);
        if (!body.has("prompt")) {
            throw ApiException.badRequest("prompt is required.", "prompt");
        }
        List<PromptInput> prompts = PromptInput.parseAll(body.get("prompt"), "prompt");
        prompts.forEach(p -> params.tokenCap(p.tokens(), model.maxModelLen()));
        return new CompletionCall(model, params, prompts);
    }

    public int promptTokens() {
        return prompts.stream().mapToInt(PromptInput::tokens).sum();
    }
}
