package io.llmgateway.adapter.anthropic;

import io.llmgateway.adapter.schema.WireJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * OpenAI message content (a string or parts) -> Anthropic content blocks: {@code text} (keeping a
 * {@code cache_control} marker), {@code image_url} as a base64 or URL image source, {@code file}
 * with inline PDF data as a document. Audio and uploaded-file references have no Anthropic
 * equivalent and are refused with the offending part named.
 */
final class AnthropicContent {

    private AnthropicContent() {
    }

    /** Appends the blocks of {@code content} to {@code into}; empty text is dropped. */
    static ArrayNode blocks(JsonNode content, String at, ArrayNode into) {
        if (content == null || content.isNull()) {
            return into;
        }
        if (content.isString()) {
            text(content.stringValue(), null, into);
            return into;
        }
        int k = 0;
        for (JsonNode part : content) {
            String where = at + "[" + k++ + "]";
            String type = part.path("type").asString("");
            switch (type) {
                case "text" -> text(part.path("text").asString(""), part.get("cache_control"), into);
                case "refusal" -> text(part.path("refusal").asString(""), null, into);
                case "image_url" -> into.add(image(part.path("image_url").path("url").asString(""), where));
                case "file" -> into.add(document(part.path("file"), where));
                default -> throw AnthropicMessages.invalid(where + ".type",
                        "Content parts of type '" + type + "' cannot be sent to an Anthropic deployment.");
            }
        }
        return into;
    }

    /** A single plain text block becomes a plain string, as Anthropic's own examples write it. */
    static JsonNode compact(ArrayNode blocks) {
        if (blocks.size() == 1 && blocks.get(0).size() == 2 && "text".equals(blocks.get(0).path("type").asString(""))) {
            return blocks.get(0).get("text");
        }
        return blocks;
    }

    private static void text(String text, JsonNode cacheControl, ArrayNode into) {
        if (text.isEmpty()) {
            return;
        }
        ObjectNode b = into.addObject();
        b.put("type", "text");
        b.put("text", text);
        if (cacheControl != null && cacheControl.isObject()) {
            b.set("cache_control", cacheControl);
        }
    }

    private static ObjectNode image(String url, String at) {
        ObjectNode b = WireJson.MAPPER.createObjectNode();
        b.put("type", "image");
        b.set("source", source(url, at + ".image_url.url"));
        return b;
    }

    private static ObjectNode document(JsonNode file, String at) {
        String data = file.path("file_data").asString("");
        if (data.isEmpty()) {
            throw AnthropicMessages.invalid(at + ".file",
                    "Only files sent inline as 'file_data' can be sent to an Anthropic deployment.");
        }
        ObjectNode b = WireJson.MAPPER.createObjectNode();
        b.put("type", "document");
        b.set("source", source(data, at + ".file.file_data"));
        return b;
    }

    private static ObjectNode source(String url, String at) {
        ObjectNode s = WireJson.MAPPER.createObjectNode();
        if (url.startsWith("data:")) {
            int comma = url.indexOf(',');
            int semi = url.indexOf(';');
            if (comma < 0 || semi < 0 || semi > comma || !url.substring(semi, comma).equals(";base64")) {
                throw AnthropicMessages.invalid(at, "A data URL must be base64-encoded: data:<media type>;base64,<data>.");
            }
            s.put("type", "base64");
            s.put("media_type", url.substring(5, semi));
            s.put("data", url.substring(comma + 1));
        } else if (url.startsWith("https://") || url.startsWith("http://")) {
            s.put("type", "url");
            s.put("url", url);
        } else {
            throw AnthropicMessages.invalid(at, "Expected an http(s) URL or a base64 data URL.");
        }
        return s;
    }
}
