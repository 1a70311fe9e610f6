package io.llmgateway.adapter.error;

import io.llmgateway.adapter.schema.WireJson;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.node.ObjectNode;

/** Renders a {@link GatewayException} as OpenAI's envelope {@code {"error":{"message","type","param","code"}}}. */
public final class OpenAiErrorBody {

    private OpenAiErrorBody() {
    }

    public static ObjectNode tree(GatewayException e) {
        ObjectNode root = WireJson.MAPPER.createObjectNode();
        ObjectNode err = root.putObject("error");
        err.put("message", e.getMessage());
        err.put("type", e.kind().type());
        if (e.param() == null) {
            err.putNull("param");
        } else {
            err.put("param", e.param());
        }
        if (e.code() == null) {
            err.putNull("code");
        } else {
            err.put("code", e.code());
        }
        return root;
    }

    public static String json(GatewayException e) {
        return WireJson.MAPPER.writeValueAsString(tree(e));
    }

    public static byte[] bytes(GatewayException e) {
        return json(e).getBytes(StandardCharsets.UTF_8);
    }
}
