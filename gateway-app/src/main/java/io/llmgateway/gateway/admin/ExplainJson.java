package io.llmgateway.gateway.admin;

import io.llmgateway.adapter.schema.WireJson;
import io.llmgateway.gateway.routing.DataClassDecision;
import io.llmgateway.gateway.routing.RouteDecision;
import io.llmgateway.gateway.sensitivity.Classification;
import io.llmgateway.policy.Capability;
import io.llmgateway.policy.DataClass;
import io.llmgateway.policy.Deployment;
import io.llmgateway.policy.Zone;
import io.llmgateway.policy.route.RequestFacts;
import io.llmgateway.policy.route.RoutePlan;
import java.util.Locale;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** A routing decision as the JSON of {@code POST /admin/route/explain}; unknown numbers are null. */
final class ExplainJson {

    private ExplainJson() {
    }

    static ObjectNode of(String policyVersion, RouteDecision d, Classification sensitivity) {
        ObjectNode root = of(policyVersion, d);
        ObjectNode s = WireJson.MAPPER.createObjectNode();
        s.put("scan", sensitivity.audit().scan());
        s.put("implied_class", id(sensitivity.detection().dataClass()));
        s.put("masked", sensitivity.masked());
        ArrayNode findings = s.putArray("findings");
        for (Classification.FindingVerdict f : sensitivity.findings()) {
            ObjectNode n = findings.addObject();
            n.put("detector", f.id());
            n.put("category", f.category());
            n.put("count", f.count());
            n.put("implies", id(f.implies()));
            n.put("redacted", f.redacted());
        }
        root.set("sensitivity", s);
        return root;
    }

    static ObjectNode of(String policyVersion, RouteDecision d) {
        RequestFacts f = d.facts();
        RoutePlan p = d.plan();
        ObjectNode root = WireJson.MAPPER.createObjectNode();
        root.put("policy_version", policyVersion);
        root.put("app", f.appId());
        root.put("model", f.alias());
        root.put("operation", f.operation());
        root.put("prompt_tokens", f.estimatedPromptTokens());
        root.put("max_tokens", f.maxTokens());
        root.put("stream", f.stream());
        ArrayNode needs = root.putArray("needs");
        for (Capability c : Capability.values()) {
            if (f.capabilities().contains(c)) {
                needs.add(c.id());
            }
        }
        dataClass(root.putObject("data_class"), d.dataClass());
        root.put("rule", p.rule());
        root.put("route", p.route());
        root.put("strategy", p.strategy() == null ? null : p.strategy().id());
        root.put("outcome", p.outcome().name().toLowerCase(Locale.ROOT));
        root.put("message", p.message());
        ArrayNode candidates = root.putArray("candidates");
        for (RoutePlan.Candidate c : p.candidates()) {
            Deployment dep = c.deployment();
            ObjectNode n = candidates.addObject();
            n.put("deployment", dep.id());
            n.put("pool", dep.pool());
            n.put("zone", dep.zone().id());
            number(n, "score", c.score());
            number(n, "expected_cost_usd", c.expectedCostUsd());
            number(n, "expected_ttft_ms", c.expectedTtftMs());
            n.put("fallback", c.fallback());
            n.put("reason", c.reason());
        }
        ArrayNode rejected = root.putArray("rejected");
        for (RoutePlan.Rejection r : p.rejected()) {
            ObjectNode n = rejected.addObject();
            n.put("deployment", r.deploymentId());
            n.put("reason_code", r.code().name());
            n.put("reason", r.reason());
        }
        return root;
    }

    private static void dataClass(ObjectNode n, DataClassDecision dc) {
        n.put("id", dc.effective().id());
        n.put("why", dc.source());
        n.put("floor", id(dc.floor()));
        n.put("declared", id(dc.declared()));
        n.put("detected", id(dc.detected()));
        n.put("default", id(dc.fallback()));
        ArrayNode zones = n.putArray("allowed_zones");
        for (Zone z : Zone.values()) {
            if (dc.effective().allows(z)) {
                zones.add(z.id());
            }
        }
    }

    private static String id(DataClass c) {
        return c == null ? null : c.id();
    }

    private static void number(ObjectNode n, String key, double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            n.putNull(key);
        } else {
            n.put(key, v);
        }
    }
}
