package io.llmgateway.gateway.api;

import io.llmgateway.adapter.error.ErrorKind;
import io.llmgateway.adapter.error.GatewayException;
import io.llmgateway.adapter.schema.WireJson;
import io.llmgateway.gateway.auth.ApiKeyAuthenticator;
import io.llmgateway.gateway.routing.RoutingState;
import io.llmgateway.gateway.routing.RoutingStateHolder;
import io.llmgateway.policy.App;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code GET /v1/models} and {@code GET /v1/models/{id}}: the aliases the calling app may use. */
public final class ModelsHandler {

    private final RoutingStateHolder routing;
    private final ApiKeyAuthenticator authenticator;

    public ModelsHandler(RoutingStateHolder routing, ApiKeyAuthenticator authenticator) {
        this.routing = routing;
        this.authenticator = authenticator;
    }

    public Mono<ServerResponse> list(ServerRequest r) {
        return Mono.defer(() -> {
            RoutingState state = routing.current();
            App app = authenticator.authenticate(r.headers().asHttpHeaders(), state);
            ObjectNode root = WireJson.MAPPER.createObjectNode();
            root.put("object", "list");
            ArrayNode data = root.putArray("data");
            for (String alias : state.policy().models().keySet()) {
                if (app.mayUse(alias)) {
                    data.add(model(alias, state));
                }
            }
            return json(root);
        }).onErrorResume(GatewayException.class, ErrorResponses::of);
    }

    public Mono<ServerResponse> get(ServerRequest r) {
        return Mono.defer(() -> {
            RoutingState state = routing.current();
            App app = authenticator.authenticate(r.headers().asHttpHeaders(), state);
            String id = r.pathVariable("id");
            if (id.startsWith("/")) {
                id = id.substring(1); // {*id} captures the leading slash; ids may contain '/' (Qwen/Qwen2.5-7B)
            }
            if (state.policy().alias(id).isEmpty()) {
                throw GatewayException.builder(ErrorKind.MODEL_NOT_FOUND,
                        "The model '" + OpenAiHandler.truncate(id) + "' does not exist or you do not have access to it.")
                        .param("model").build();
            }
            if (!app.mayUse(id)) {
                throw GatewayException.builder(ErrorKind.PERMISSION_DENIED,
                        "The app '" + app.id() + "' is not allowed to use the model '" + id + "'.").param("model").build();
            }
            return json(model(id, state));
        }).onErrorResume(GatewayException.class, ErrorResponses::of);
    }

    private static ObjectNode model(String alias, RoutingState state) {
        ObjectNode m = WireJson.MAPPER.createObjectNode();
        m.put("id", alias);
        m.put("object", "model");
        m.put("created", state.loadedAt().getEpochSecond());
        m.put("owned_by", "llm-gateway");
        return m;
    }

    private static Mono<ServerResponse> json(ObjectNode node) {
        return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON)
                .bodyValue(WireJson.MAPPER.writeValueAsBytes(node));
    }
}
