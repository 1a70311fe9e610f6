package io.llmgateway.sim.replay;

import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Renders replay results as JSON: an array with one object per policy; unmeasured numbers are null. */
public final class ReplayJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ReplayJson() {
    }

    public static String render(List<ReplayResult> results) {
        ArrayNode out = JSON.createArrayNode();
        results.forEach(r -> out.add(node(r)));
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(out) + "\n";
    }

    private static ObjectNode node(ReplayResult r) {
        ObjectNode n = JSON.createObjectNode();
        Workload w = r.run().workload();
        n.put("policy", r.run().policy()).put("policy_version", r.run().version()).put("trace", r.run().trace())
                .put("seed", r.run().seed());
        n.putObject("workload").put("app", w.appId()).put("model", w.alias()).put("sensitive_share", w.sensitiveShare())
                .put("finding", w.finding().toString());
        n.put("requests", r.counts().requests()).put("served", r.counts().served())
                .put("refused_total", r.counts().refusedTotal()).put("served_after_failover", r.counts().failedOver());
        ObjectNode refused = n.putObject("refused");
        r.counts().refused().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> refused.put(e.getKey(), e.getValue()));
        ReplayResult.Cost c = r.cost();
        ObjectNode cost = n.putObject("cost_usd");
        num(cost, "total", c.totalUsd());
        num(cost, "api_tokens", c.apiUsd());
        num(cost, "gpu_provisioned", c.gpuUsd());
        num(cost, "gpu_while_active", c.gpuBusyUsd());
        num(cost, "per_1k_served", c.per1kServed(r.counts().served()));
        num(cost, "gpu_per_1m_self_hosted_tokens", c.gpuPer1mTokens());
        cost.put("self_hosted_tokens", c.selfHostedTokens());
        num(n, "window_seconds", c.windowSeconds());
        ObjectNode lat = n.putObject("latency_ms");
        num(lat, "ttft_p50", r.latency().ttftP50());
        num(lat, "ttft_p90", r.latency().ttftP90());
        num(lat, "ttft_p99", r.latency().ttftP99());
        num(lat, "total_p50", r.latency().totalP50());
        num(lat, "total_p99", r.latency().totalP99());
        ObjectNode slo = n.putObject("slo");
        slo.put("basis", r.slo().basis());
        num(slo, "met", r.slo().met());
        num(slo, "ttft_met", r.slo().ttftMet());
        num(slo, "total_met", r.slo().totalMet());
        ObjectNode zones = n.putObject("share_by_zone");
        r.shares().byZone().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> num(zones, e.getKey(), e.getValue()));
        ObjectNode pools = n.putObject("share_by_pool");
        r.shares().byPool().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> num(pools, e.getKey(), e.getValue()));
        ArrayNode deps = n.putArray("deployments");
        for (ReplayResult.DeploymentUsage d : r.deployments()) {
            ObjectNode o = deps.addObject().put("id", d.id()).put("pool", d.pool()).put("zone", d.zone())
                    .put("profile", d.profile()).put("served", d.served()).put("tokens", d.tokens());
            num(o, "api_usd", d.apiUsd());
            num(o, "gpu_usd", d.gpuUsd());
            num(o, "engine_active_share", d.busyShare());
        }
        return n;
    }

    private static void num(ObjectNode n, String key, double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            n.putNull(key);
        } else {
            n.put(key, v);
        }
    }
}
