package io.llmgateway.gateway.admin;

import io.llmgateway.adapter.error.ErrorKind;
import io.llmgateway.adapter.error.GatewayException;
import io.llmgateway.adapter.schema.OpenAiRequest;
import io.llmgateway.adapter.schema.Operation;
import io.llmgateway.adapter.schema.RequestText;
import io.llmgateway.adapter.schema.WireJson;
import io.llmgateway.gateway.api.ErrorResponses;
import io.llmgateway.gateway.routing.RequestRouter;
import io.llmgateway.gateway.routing.RouteDecision;
import io.llmgateway.gateway.routing.RoutingState;
import io.llmgateway.gateway.routing.RoutingStateHolder;
import io.llmgateway.gateway.sensitivity.Classification;
import io.llmgateway.policy.App;
import io.llmgateway.policy.KeyHash;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /admin/route/explain}: the routing decision for a normal chat, completions or embeddings
 * body, computed exactly as for real traffic (same facts, live snapshot and planner) but without calling
 * any upstream or counting it; the sensitivity findings (ids, counts, implied classes) are shown, never the
 * matched text. The app is named by {@code x-app-id}, or by its key in
 * {@code x-explain-app-key} (so a key can be checked to map to the expected app); {@code x-data-class}
 * and rule-matched headers apply as usual. The operation is {@code ?operation=chat|completions|embeddings},
 * or inferred from the body ({@code messages}, {@code prompt}, {@code input}).
 */
public final class ExplainHandler {

    static final String APP_ID = "x-app-id";
    static final String APP_KEY = "x-explain-app-key";

    private final RoutingStateHolder routing;
    private final RequestRouter router;
    private final int maxBodyBytes;

    public ExplainHandler(RoutingStateHolder routing, RequestRouter router, int maxBodyBytes) {
        this.routing = routing;
        this.router = router;
        this.maxBodyBytes = maxBodyBytes;
    }

    public Mono<ServerResponse> explain(ServerRequest r) {
        RoutingState state = routing.current();
        return Mono.defer(() -> {
                    HttpHeaders headers = r.headers().asHttpHeaders();
                    App app = app(state, headers);
                    return body(r).map(bytes -> {
                        OpenAiRequest req = OpenAiRequest.parse(operation(r, bytes), bytes);
                        Classification sensitivity = state.classifier().classify(req, app);
                        RouteDecision d = router.decide(state, app, req, headers, RequestText.estimateTokens(req),
                                sensitivity.detection());
                        return ExplainJson.of(state.policy().version(), d, sensitivity);
                    });
                })
                .flatMap(json -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(json.toString()))
                .onErrorResume(GatewayException.class, ErrorResponses::of);
    }

    private Mono<byte[]> body(ServerRequest r) {
        return DataBufferUtils.join(r.bodyToFlux(DataBuffer.class), maxBodyBytes)
                .map(buf -> {
                    byte[] bytes = new byte[buf.readableByteCount()];
                    buf.read(bytes);
                    DataBufferUtils.release(buf);
                    return bytes;
                })
                .defaultIfEmpty(new byte[0])
                .onErrorMap(DataBufferLimitException.class, e -> GatewayException.of(ErrorKind.PAYLOAD_TOO_LARGE,
                        "The request body is larger than " + maxBodyBytes + " bytes."));
    }

    private static App app(RoutingState state, HttpHeaders headers) {
        String id = headers.getFirst(APP_ID);
        String key = headers.getFirst(APP_KEY);
        App byKey = key == null ? null : state.appByKeyHash(KeyHash.sha256Hex(key.strip())).orElseThrow(() ->
                GatewayException.builder(ErrorKind.INVALID_REQUEST, "The key in " + APP_KEY + " belongs to no app.")
                        .code("unknown_app").build());
        if (id == null) {
            if (byKey == null) {
                throw GatewayException.builder(ErrorKind.INVALID_REQUEST,
                        "Name the app to explain for: " + APP_ID + ": <app id> or " + APP_KEY + ": <its key>.").code("missing_app").build();
            }
            return byKey;
        }
        App byId = state.policy().apps().get(id.strip());
        if (byId == null) {
            throw GatewayException.builder(ErrorKind.INVALID_REQUEST, "Unknown app '" + truncate(id) + "' in " + APP_ID + " (known: "
                    + String.join(", ", state.policy().apps().keySet()) + ").").code("unknown_app").build();
        }
        if (byKey != null && !byKey.id().equals(byId.id())) {
            throw GatewayException.builder(ErrorKind.INVALID_REQUEST, "The key in " + APP_KEY + " belongs to app '" + byKey.id()
                    + "', not '" + byId.id() + "'.").code("app_mismatch").build();
        }
        return byId;
    }

    private static Operation operation(ServerRequest r, byte[] bytes) {
        String op = r.queryParam("operation").orElse(null);
        if (op != null) {
            for (Operation o : Operation.values()) {
                if (o.id().equals(op)) {
                    return o;
                }
            }
            throw GatewayException.builder(ErrorKind.INVALID_REQUEST, "Unknown operation '" + truncate(op)
                    + "' (use chat, completions or embeddings).").param("operation").build();
        }
        JsonNode body;
        try {
            body = WireJson.MAPPER.readTree(bytes);
        } catch (RuntimeException e) {
            return Operation.CHAT; // parse() reports the error properly
        }
        if (body != null && body.has("input") && !body.has("messages")) {
            return Operation.EMBEDDINGS;
        }
        if (body != null && body.has("prompt") && !body.has("messages")) {
            return Operation.COMPLETIONS;
        }
        return Operation.CHAT;
    }

    private static String truncate(String s) {
        return s.length() > 64 ? s.substring(0, 64) + "..." : s;
    }
}
