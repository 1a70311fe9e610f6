package io.llmgateway.policy.route;

import io.llmgateway.policy.DataClass;
import io.llmgateway.policy.Policy;
import io.llmgateway.policy.PolicyLoader;
import io.llmgateway.policy.live.CircuitState;
import io.llmgateway.policy.live.DeploymentLive;
import io.llmgateway.policy.live.LatencyEstimate;
import io.llmgateway.policy.live.LiveSnapshot;
import io.llmgateway.policy.live.LoadSample;
import io.llmgateway.policy.live.Percentiles;
import java.util.List;
import java.util.Map;

/** A small policy for planner tests, and helpers for facts and live states. */
final class PlannerFixture {

    static final String POLICY = """
            pools:
              - {id: a100, zone: private, gpu-hour-cost: 3.6}
              - {id: a10, zone: private, gpu-hour-cost: 0.9}
              - {id: openai, zone: external}
              - {id: anthropic, zone: external}
            deployments:
              - {id: qwen72, pool: a100, gpus: 2, api: openai, url: "http://10.0.0.1/v1", model: q72, context-window: 32768,
                 capabilities: [chat, completions, tools, json_schema], max-concurrency: 8}
              - {id: qwen7, pool: a10, api: openai, url: "http://10.0.0.2/v1", model: q7, context-window: 8192,
                 capabilities: [chat, completions], max-concurrency: 4, resilience: {max-queue: 2}, weight: 1}
              - {id: gpt4o, pool: openai, api: openai, url: "https://api.openai.com/v1", model: gpt-4o, context-window: 128000,
                 price: {input-per-1m: 2.5, output-per-1m: 10}, weight: 3}
              - {id: claude, pool: anthropic, api: openai, url: "https://api.anthropic.com/v1", model: claude, context-window: 200000,
                 price: {input-per-1m: 3, output-per-1m: 15}, capabilities: [chat, tools, vision]}
            models:
              chat: [qwen72, qwen7, gpt4o, claude]
              small: [qwen7]
            apps:
              - {id: code, key: sk-code-1234, data-class: confidential, models: [chat, small]}
              - {id: support, key: sk-support-1234, data-class: internal}
              - {id: marketing, key: sk-marketing-1234}
            rules:
              - name: refuse-secret-tools
                when: {data-class: secret, tools: true}
                refuse: "Secret data may not be used with tools."
              - name: batch-header
                when: {headers: {x-priority: batch}}
                route: {pools: [a10, a100], strategy: least-loaded}
              - name: support-cheap
                when: {app: support}
                route: {pools: [a10, a100], strategy: cheapest, slo: {ttft: 800ms}, fallback: [gpt4o], any-model: true}
              - name: marketing-fastest
                when: {app: marketing, model: chat}
                route: {deployments: [gpt4o, claude], strategy: fastest, fallback: [qwen72]}
              - name: marketing-weighted
                when: {app: marketing, model: small}
                route: {deployments: [qwen7, gpt4o], strategy: weighted, any-model: true}
            """;

    static final Policy P = PolicyLoader.parse("fixture.yaml", POLICY);

    private PlannerFixture() {
    }

    static DataClass cls(String id) {
        return P.dataClasses().byId(id).orElseThrow();
    }

    static RequestFacts.Builder facts(String app, String alias, String dataClass) {
        return RequestFacts.builder(app, alias, cls(dataClass)).promptTokens(100).receivedAt(0)
                .capabilities(RequestFacts.capabilitiesFor("chat", false, false, false));
    }

    static DeploymentLive live(CircuitState circuit, int inFlight) {
        return new DeploymentLive(circuit, inFlight, 0, null, LatencyEstimate.NONE, 0);
    }

    static DeploymentLive latency(double ttftMs, double tpotMs, double tokensPerSecond) {
        return new DeploymentLive(CircuitState.CLOSED, 0, 0, null,
                new LatencyEstimate(10, ttftMs, tpotMs, ttftMs + 100 * tpotMs, 100, Percentiles.NONE, Percentiles.NONE),
                tokensPerSecond);
    }

    static DeploymentLive scraped(int inFlight, double running, double waiting, double kv) {
        return new DeploymentLive(CircuitState.CLOSED, inFlight, 0, new LoadSample(running, waiting, kv, 0), LatencyEstimate.NONE, 0);
    }

    static LiveSnapshot snapshot(Map<String, DeploymentLive> m) {
        return LiveSnapshot.of(m);
    }

    static List<String> ids(RoutePlan plan) {
        return plan.candidates().stream().map(c -> c.deployment().id()).toList();
    }

    static RejectReason rejection(RoutePlan plan, String id) {
        return plan.rejected().stream().filter(r -> r.deploymentId().equals(id)).map(RoutePlan.Rejection::code).findFirst().orElse(null);
    }
}
