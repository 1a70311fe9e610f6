package io.llmgateway.policy.route;

import java.util.Map;
import java.util.Objects;

/**
 * What the planner knows about one request. Built by the gateway from the parsed request; holds no
 * prompt text.
 *
 * @param appId                 the authenticated app
 * @param alias                 the model alias the client asked for
 * @param operation             chat, completions or embeddings
 * @param estimatedPromptTokens estimate from the request text
 * @param maxTokens             requested output limit, or 0 if the client set none
 * @param stream                whether the client asked for a stream
 * @param tools                 whether the request carries tool definitions
 * @param headers               request headers the policy may match on (lower-case names; no secrets)
 */
public record RequestFacts(
        String appId,
        String alias,
        String operation,
        int estimatedPromptTokens,
        int maxTokens,
        boolean stream,
        boolean tools,
        Map<String, String> headers) {

    public RequestFacts {
        Objects.requireNonNull(appId, "appId");
        Objects.requireNonNull(alias, "alias");
        Objects.requireNonNull(operation, "operation");
        headers = Map.copyOf(headers);
    }
}
