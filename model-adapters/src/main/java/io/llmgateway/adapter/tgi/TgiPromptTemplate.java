package io.llmgateway.adapter.tgi;

import io.llmgateway.adapter.error.ErrorKind;
import io.llmgateway.adapter.error.GatewayException;
import java.util.Locale;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Renders chat messages into the single prompt string TGI's native {@code /generate} takes, in the
 * chat format the deployed model was trained on (option {@code chat-template}). Only text can be
 * rendered: images, tool calls and tool results are refused.
 */
enum TgiPromptTemplate {
    /** {@code <|im_start|>role ... <|im_end|>}: Qwen, Yi, many fine-tunes. */
    CHATML {
        @Override
        String render(JsonNode messages) {
            StringBuilder p = new StringBuilder();
            forEach(messages, (role, text) -> p.append("<|im_start|>").append(role).append('\n').append(text).append("<|im_end|>\n"));
            return p.append("<|im_start|>assistant\n").toString();
        }
    },
    /** Llama 3 header tokens. */
    LLAMA3 {
        @Override
        String render(JsonNode messages) {
            StringBuilder p = new StringBuilder("<|begin_of_text|>");
            forEach(messages, (role, text) -> p.append("<|start_header_id|>").append(role).append("<|end_header_id|>\n\n")
                    .append(text).append("<|eot_id|>"));
            return p.append("<|start_header_id|>assistant<|end_header_id|>\n\n").toString();
        }
    },
    /** {@code [INST] ... [/INST]} (Mistral, Llama 2); system text is prefixed to the next user turn. */
    MISTRAL {
        @Override
        String render(JsonNode messages) {
            StringBuilder p = new StringBuilder("<s>");
            StringBuilder system = new StringBuilder();
            forEach(messages, (role, text) -> {
                switch (role) {
                    case "system" -> system.append(text).append("\n\n");
                    case "user" -> {
                        p.append("[INST] ").append(system).append(text).append(" [/INST]");
                        system.setLength(0);
                    }
                    default -> p.append(text).append("</s>");
                }
            });
            return p.toString();
        }
    },
    /** {@code Role: text} paragraphs, for base models without a chat format. */
    PLAIN {
        @Override
        String render(JsonNode messages) {
            StringBuilder p = new StringBuilder();
            forEach(messages, (role, text) -> p.append(Character.toUpperCase(role.charAt(0))).append(role.substring(1))
                    .append(": ").append(text).append("\n\n"));
            return p.append("Assistant:").toString();
        }
    };

    static final Set<String> NAMES = Set.of("chatml", "llama3", "mistral", "plain");

    abstract String render(JsonNode messages);

    static TgiPromptTemplate named(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }

    private static void forEach(JsonNode messages, java.util.function.BiConsumer<String, String> turn) {
        int i = 0;
        for (JsonNode m : messages) {
            String at = "messages[" + i++ + "]";
            String role = m.path("role").asString("");
            if ("developer".equals(role)) {
                role = "system";
            }
            if (!Set.of("system", "user", "assistant").contains(role) || m.path("tool_calls").isArray()) {
                throw invalid(at, "A TGI deployment without the Messages API cannot take tool calls or tool results.");
            }
            turn.accept(role, text(m.get("content"), at + ".content"));
        }
    }

    private static String text(JsonNode content, String at) {
        if (content == null || content.isNull()) {
            return "";
        }
        if (content.isString()) {
            return content.stringValue();
        }
        StringBuilder s = new StringBuilder();
        int k = 0;
        for (JsonNode part : content) {
            if (!"text".equals(part.path("type").asString(""))) {
                throw invalid(at + "[" + k + "].type", "A TGI deployment without the Messages API takes text only.");
            }
            s.append(s.isEmpty() ? "" : "\n").append(part.path("text").asString(""));
            k++;
        }
        return s.toString();
    }

    static GatewayException invalid(String param, String message) {
        return GatewayException.builder(ErrorKind.INVALID_REQUEST, message).param(param).build();
    }
}
