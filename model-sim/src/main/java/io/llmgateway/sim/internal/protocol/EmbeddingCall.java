package io.llmgateway.sim.internal.protocol;

import java.util.List;
import tools.jackson.databind.JsonNode;

/** A parsed {@code /v1/embeddings} request. */
public record EmbeddingCall(ServedModel model, List<PromptInput> inputs, boolean base64, int dimensions) {
    public EmbeddingCall {
        inputs = List.copyOf(inputs);
    }

    public static EmbeddingCall parse(JsonNode body, ServedModels models, String defaultModel) {
        String name = body.hasNonNull("model") ? body.get("model").asString(defaultModel) : defaultModel;
        ServedModel model = models.require(name, true, "Embeddings");
        if (!body.has("input")) {
            throw ApiException.badRequest("input is required.", "input");
        }
        List<PromptInput> inputs = PromptInput.parseAll(body.get("input"), "input");
        for (PromptInput in : inputs) {
            if (in.tokens() > model.maxModelLen()) {
                throw ApiException.badRequest("This model's maximum context length is " + model.maxModelLen()
                        + " tokens. However, you requested " + in.tokens() + " tokens in the input for embedding "
                        + "generation. Please reduce the length of the input.", "input");
            }
        }
        String format = body.path("encoding_format").asString("float");
        if (!format.equals("float") && !format.equals("base64")) {
            throw ApiException.badRequest("encoding_format must be 'float' or 'base64', got '" + format + "'.",
                    "encoding_format");
        }
        int dims = SamplingParams.intField(body, "dimensions", model.embeddingDimensions());
        if (dims < 1 || dims > model.embeddingDimensions()) {
            throw ApiException.badRequest("dimensions must be between 1 and " + model.embeddingDimensions() + ".",
                    "dimensions");
        }
        return new EmbeddingCall(model, inputs, format.equals("base64"), dims);
    }

    public int promptTokens() {
        return inputs.stream().mapToInt(PromptInput::tokens).sum();
    }
}
