package io.llmgateway.gateway.observe;

import io.llmgateway.adapter.schema.Operation;

/** Values of the OpenTelemetry GenAI attribute {@code gen_ai.operation.name}. */
final class GenAiNames {

    private GenAiNames() {
    }

    static String operation(Operation op) {
        return switch (op) {
            case CHAT -> "chat";
            case COMPLETIONS -> "text_completion";
            case EMBEDDINGS -> "embeddings";
            default -> op.id();
        };
    }
}
