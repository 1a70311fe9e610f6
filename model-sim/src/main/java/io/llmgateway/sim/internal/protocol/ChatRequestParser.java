package io.llmgateway.sim.internal.protocol;

import io.llmgateway.sim.internal.protocol.ChatCall.ToolCallPlan;
import io.llmgateway.sim.internal.text.Seeds;
import io.llmgateway.sim.internal.text.TokenEstimator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/** Validates a chat completion request body and reduces it to a {@link ChatCall}. */
public final class ChatRequestParser {
    private static final int IMAGE_TOKENS = 85;

    private ChatRequestParser() {
    }

    public static ChatCall parse(JsonNode body, ServedModels models, String defaultModel) {
        String modelName = body.hasNonNull("model") ? body.get("model").asString(defaultModel) : defaultModel;
        ServedModel model = models.require(modelName, false, "Chat Completions");
        SamplingParams params = SamplingParams.parse(body);
        JsonNode messages = body.path("messages");
        if (!messages.isArray() || messages.isEmpty()) {
            throw ApiException.badRequest("messages must be a non-empty list of messages.", "messages");
        }
        StringBuilder prompt = new StringBuilder();
        int tokens = TokenEstimator.PRIMER;
        String lastUserText = null;
        for (int i = 0; i < messages.size(); i++) {
            JsonNode m = messages.get(i);
            if (!m.isObject() || !m.path("role").isString()) {
                throw ApiException.badRequest("messages[" + i + "] must be an object with a string 'role'.", "messages");
            }
            String role = m.get("role").stringValue();
            int before = prompt.length();
            tokens += TokenEstimator.PER_MESSAGE + content(m.path("content"), prompt, i);
            lastUserText = role.equals("user") ? prompt.substring(before) : null;
            prompt.append('\u0000').append(role).append('\u0000');
        }
        List<JsonNode> tools = tools(body.path("tools"));
        if (!tools.isEmpty()) {
            String toolsJson = Json.write(body.get("tools"));
            tokens += TokenEstimator.count(toolsJson);
            prompt.append('\u0000').append(toolsJson);
        }
        ToolCallPlan toolCall = chooseTool(tools, body.path("tool_choice"), lastUserText);
        JsonNode format = body.path("response_format");
        String formatType = format.path("type").asString("text");
        boolean json = formatType.equals("json_object") || formatType.equals("json_schema");
        JsonNode schema = formatType.equals("json_schema") ? format.path("json_schema").path("schema") : null;
        params.tokenCap(tokens, model.maxModelLen());
        return new ChatCall(model, params, Seeds.hash(prompt.toString()), tokens, toolCall, json, schema);
    }

    /** Appends the message text to {@code prompt} and returns its token estimate. */
    private static int content(JsonNode content, StringBuilder prompt, int index) {
        if (content.isString()) {
            prompt.append(content.stringValue());
            return TokenEstimator.count(content.stringValue());
        }
        if (content.isMissingNode() || content.isNull()) {
            return 0;
        }
        if (!content.isArray()) {
            throw ApiException.badRequest("messages[" + index + "].content must be a string or a list of parts.", "messages");
        }
        int tokens = 0;
        for (JsonNode part : content) {
            if (part.path("text").isString()) {
                prompt.append(part.get("text").stringValue());
                tokens += TokenEstimator.count(part.get("text").stringValue());
            } else {
                prompt.append(Json.write(part));
                tokens += IMAGE_TOKENS;
            }
        }
        return tokens;
    }

    private static List<JsonNode> tools(JsonNode tools) {
        List<JsonNode> out = new ArrayList<>();
        if (tools.isMissingNode() || tools.isNull()) {
            return out;
        }
        if (!tools.isArray()) {
            throw ApiException.badRequest("tools must be a list.", "tools");
        }
        for (int i = 0; i < tools.size(); i++) {
            JsonNode fn = tools.get(i).path("function");
            if (!fn.path("name").isString()) {
                throw ApiException.badRequest("tools[" + i + "].function.name must be a string.", "tools");
            }
            out.add(fn);
        }
        return out;
    }

    private static ToolCallPlan chooseTool(List<JsonNode> tools, JsonNode choice, String lastUserText) {
        if (tools.isEmpty() || choice.isString() && choice.stringValue().equals("none")) {
            return null;
        }
        if (choice.isObject()) {
            String name = choice.path("function").path("name").asString("");
            return tools.stream().filter(t -> t.get("name").stringValue().equals(name)).findFirst()
                    .map(ChatRequestParser::plan)
                    .orElseThrow(() -> ApiException.badRequest("Tool '" + name + "' has not been passed in `tools`.",
                            "tool_choice"));
        }
        String text = lastUserText == null ? "" : lastUserText.toLowerCase(Locale.ROOT);
        for (JsonNode t : tools) {
            if (text.contains(t.get("name").stringValue().toLowerCase(Locale.ROOT))) {
                return plan(t);
            }
        }
        boolean required = choice.isString() && choice.stringValue().equals("required");
        return required ? plan(tools.get(0)) : null;
    }

    private static ToolCallPlan plan(JsonNode function) {
        return new ToolCallPlan(function.get("name").stringValue(), function.path("parameters"));
    }
}
