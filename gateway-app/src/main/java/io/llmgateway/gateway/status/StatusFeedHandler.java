package io.llmgateway.gateway.status;

import io.llmgateway.adapter.schema.WireJson;
import io.llmgateway.gateway.routing.RoutingState;
import io.llmgateway.gateway.routing.RoutingStateHolder;
import io.llmgateway.policy.App;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code GET /status/feed}: the status page's JSON, unauthenticated, so it holds nothing secret: no
 * keys, no URLs, no prompts; apps, deployments, pools, counters and the last routing decisions.
 */
public final class StatusFeedHandler {

    private final RoutingStateHolder routing;
    private final StatusBoard board;
    private final BackendsView backends;
    private final Instant started = Instant.now();

    public StatusFeedHandler(RoutingStateHolder routing, StatusBoard board, BackendsView backends) {
        this.routing = routing;
        this.board = board;
        this.backends = backends;
    }

    public Mono<ServerResponse> feed(ServerRequest r) {
        return Mono.fromSupplier(this::json).flatMap(json -> ServerResponse.ok()
                .contentType(MediaType.APPLICATION_JSON).cacheControl(CacheControl.noStore()).bodyValue(json));
    }

    String json() {
        RoutingState state = routing.current();
        ObjectNode root = WireJson.MAPPER.createObjectNode();
        root.put("generated_at", Instant.now().toString());
        root.put("uptime_s", Instant.now().getEpochSecond() - started.getEpochSecond());
        ObjectNode policy = root.putObject("policy");
        policy.put("version", state.policy().version());
        policy.put("source", sourceName(state.policy().source()));
        policy.put("loaded_at", state.loadedAt().toString());
        root.set("totals", traffic(WireJson.MAPPER.createObjectNode(), board.total()));
        ArrayNode apps = root.putArray("apps");
        Map<String, Traffic> seen = new TreeMap<>(board.apps());
        for (App a : state.policy().apps().values()) {
            seen.putIfAbsent(a.id(), new Traffic());
        }
        seen.forEach((id, t) -> apps.add(traffic(WireJson.MAPPER.createObjectNode().put("app", id), t)));
        ArrayNode deployments = backends.deployments(state.policy(), false);
        root.set("deployments", deployments);
        root.set("pools", backends.pools(deployments));
        ArrayNode decisions = root.putArray("decisions");
        for (StatusBoard.Decision d : board.recent()) {
            ObjectNode o = decisions.addObject();
            o.put("at", Instant.ofEpochMilli(d.atEpochMs()).toString());
            o.put("app", d.app());
            o.put("model", d.model());
            o.put("rule", d.rule());
            o.put("deployment", d.deployment());
            o.put("data_class", d.dataClass());
            o.put("status", d.status());
            o.put("outcome", d.outcome());
            o.put("latency_ms", d.latencyMs());
            o.put("attempts", d.attempts());
        }
        return WireJson.MAPPER.writeValueAsString(root);
    }

    private static ObjectNode traffic(ObjectNode o, Traffic t) {
        o.put("requests", t.requests());
        o.put("failed", t.failed());
        o.put("prompt_tokens", t.promptTokens());
        o.put("completion_tokens", t.completionTokens());
        o.put("cost_usd", Math.round(t.costUsd() * 1e6) / 1e6);
        return o;
    }

    /** The policy's file name (not its path) or resource name. */
    private static String sourceName(String source) {
        if (source.startsWith("classpath:")) {
            return source.substring("classpath:".length());
        }
        try {
            Path p = Path.of(source).getFileName();
            return p == null ? source : p.toString();
        } catch (RuntimeException e) {
            return "policy";
        }
    }
}
