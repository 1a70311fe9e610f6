package io.llmgateway.gateway.status;

import io.llmgateway.adapter.schema.WireJson;
import io.llmgateway.gateway.observe.GatewayMeters;
import io.llmgateway.policy.live.CircuitStates;
import io.llmgateway.policy.Deployment;
import io.llmgateway.policy.Policy;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Deployments and pools with health, circuit state, load and latency, as JSON: the public status feed
 * (no URLs) and {@code /admin/backends} (with URL and upstream model). Never credentials.
 */
public final class BackendsView {

    private final StatusBoard board;
    private final GatewayMeters meters;
    private final CircuitStates circuits;

    /** @param circuits circuit states from the resilience layer, or null if there is none */
    public BackendsView(StatusBoard board, GatewayMeters meters, CircuitStates circuits) {
        this.board = board;
        this.meters = meters;
        this.circuits = circuits;
    }

    public ArrayNode deployments(Policy policy, boolean detailed) {
        ArrayNode out = WireJson.MAPPER.createArrayNode();
        for (Deployment d : policy.deployments().values()) {
            out.add(deployment(d, detailed));
        }
        return out;
    }

    private ObjectNode deployment(Deployment d, boolean detailed) {
        ObjectNode o = WireJson.MAPPER.createObjectNode();
        o.put("id", d.id());
        o.put("pool", d.pool());
        o.put("zone", d.zone().id());
        o.put("api", d.api());
        o.put("model", d.model());
        if (detailed) {
            o.put("url", d.url().toString());
        }
        String circuit = circuits == null ? "unknown" : circuits.of(d.id()).name().toLowerCase(java.util.Locale.ROOT);
        DeploymentStats s = board.deployment(d.id());
        String health = s == null ? "idle" : s.health();
        if (circuit.equals("open")) {
            health = "down";
        }
        o.put("health", health);
        o.put("circuit", circuit);
        o.put("in_flight", meters.inFlight(d.id()).get());
        o.put("queued", meters.queued(d.id()).get());
        o.put("attempts", s == null ? 0 : s.attempts());
        o.put("failures", s == null ? 0 : s.failures());
        o.put("latency_ms", s == null || s.latencyMs() < 0 ? null : round(s.latencyMs()));
        o.put("ttft_ms", s == null || s.ttftMs() < 0 ? null : round(s.ttftMs()));
        if (detailed && s != null) {
            o.put("last_attempt_ms", s.lastAttemptMs());
            o.put("last_error", s.lastError());
        }
        return o;
    }

    /** Pools: deployments grouped by pool, with their combined health and summed load. */
    public ArrayNode pools(ArrayNode deployments) {
        Map<String, ObjectNode> pools = new LinkedHashMap<>();
        for (var n : deployments) {
            ObjectNode p = pools.computeIfAbsent(n.get("pool").asString(), id -> {
                ObjectNode o = WireJson.MAPPER.createObjectNode();
                o.put("pool", id);
                o.put("zone", n.get("zone").asString());
                o.put("deployments", 0);
                o.put("in_flight", 0);
                o.put("attempts", 0);
                o.put("failures", 0);
                o.put("health", "idle");
                return o;
            });
            p.put("deployments", p.get("deployments").asInt() + 1);
            p.put("in_flight", p.get("in_flight").asInt() + n.get("in_flight").asInt());
            p.put("attempts", p.get("attempts").asLong() + n.get("attempts").asLong());
            p.put("failures", p.get("failures").asLong() + n.get("failures").asLong());
            p.put("health", combine(p.get("health").asString(), n.get("health").asString(), p.get("deployments").asInt() == 1));
        }
        ArrayNode out = WireJson.MAPPER.createArrayNode();
        pools.values().forEach(out::add);
        return out;
    }

    /** A pool is down only when all its deployments are; one bad deployment among good ones makes it degraded. */
    private static String combine(String pool, String deployment, boolean first) {
        if (first || pool.equals("idle")) {
            return deployment;
        }
        if (deployment.equals("idle") || deployment.equals(pool)) {
            return pool;
        }
        return "degraded";
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
