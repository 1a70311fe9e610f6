package io.llmgateway.gateway.admin;

import io.llmgateway.adapter.schema.WireJson;
import io.llmgateway.gateway.ledger.LedgerWriter;
import io.llmgateway.gateway.routing.RoutingState;
import io.llmgateway.gateway.routing.RoutingStateHolder;
import io.llmgateway.gateway.status.BackendsView;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code GET /admin/backends}: every deployment with health, circuit state, in-flight and queued
 * requests, smoothed latency and TTFT, last error; pools; the ledger's state. Never credentials.
 */
public final class BackendsHandler {

    private final RoutingStateHolder routing;
    private final BackendsView view;
    private final LedgerWriter ledger;

    /** @param ledger the ledger writer, or null when the ledger is disabled */
    public BackendsHandler(RoutingStateHolder routing, BackendsView view, LedgerWriter ledger) {
        this.routing = routing;
        this.view = view;
        this.ledger = ledger;
    }

    public Mono<ServerResponse> backends(ServerRequest r) {
        return Mono.fromSupplier(() -> {
            RoutingState state = routing.current();
            ObjectNode root = WireJson.MAPPER.createObjectNode();
            root.put("object", "backends");
            root.put("policy_version", state.policy().version());
            ArrayNode deployments = view.deployments(state.policy(), true);
            root.set("data", deployments);
            root.set("pools", view.pools(deployments));
            ObjectNode l = root.putObject("ledger");
            l.put("enabled", ledger != null);
            if (ledger != null) {
                l.put("database_up", ledger.databaseUp());
                l.put("queued", ledger.pending());
            }
            return WireJson.MAPPER.writeValueAsString(root);
        }).flatMap(json -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(json));
    }
}
