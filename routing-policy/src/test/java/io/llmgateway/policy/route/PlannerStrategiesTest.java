package io.llmgateway.policy.route;

import static io.llmgateway.policy.route.PlannerFixture.P;
import static io.llmgateway.policy.route.PlannerFixture.facts;
import static io.llmgateway.policy.route.PlannerFixture.ids;
import static io.llmgateway.policy.route.PlannerFixture.latency;
import static io.llmgateway.policy.route.PlannerFixture.live;
import static io.llmgateway.policy.route.PlannerFixture.scraped;
import static io.llmgateway.policy.route.PlannerFixture.snapshot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.llmgateway.policy.live.CircuitState;
import io.llmgateway.policy.live.LiveSnapshot;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each strategy orders the surviving candidates as documented, with the numbers in the reasons. */
class PlannerStrategiesTest {

    final Planner planner = new Planner();

    @Test
    void cheapestUsesGpuHourCostOverMeasuredThroughput() {
        // qwen7: 1 GPU x $0.90/h at 1000 tok/s; qwen72: 2 GPUs x $3.60/h at 1000 tok/s; 100 output tokens each
        LiveSnapshot s = snapshot(Map.of("qwen7", latency(200, 20, 1000), "qwen72", latency(300, 30, 1000)));
        RoutePlan plan = planner.plan(P, facts("support", "chat", "internal").maxTokens(100).build(), s);
        assertThat(plan.rule()).isEqualTo("support-cheap");
        assertThat(ids(plan)).containsExactly("qwen7", "qwen72", "gpt4o");
        RoutePlan.Candidate first = plan.candidates().get(0);
        assertThat(first.expectedCostUsd()).isCloseTo(0.9 / 3600 * 100 / 1000, within(1e-12));
        assertThat(plan.candidates().get(1).expectedCostUsd()).isCloseTo(2 * 3.6 / 3600 * 100 / 1000, within(1e-12));
        assertThat(first.reason()).isEqualTo("#1 cheapest: $0.000025 expected");
        assertThat(plan.candidates().get(2).fallback()).isTrue();
        assertThat(plan.candidates().get(2).expectedCostUsd()).isCloseTo((100 * 2.5 + 100 * 10) / 1e6, within(1e-12));
    }

    @Test
    void cheapestPutsCandidatesMissingTheSloLastFastestFirst() {
        LiveSnapshot s = snapshot(Map.of("qwen7", latency(1500, 20, 1000), "qwen72", latency(300, 30, 1000)));
        RoutePlan plan = planner.plan(P, facts("support", "chat", "internal").stream(true).maxTokens(100).build(), s);
        assertThat(ids(plan)).containsExactly("qwen72", "qwen7", "gpt4o");
        assertThat(plan.candidates().get(1).reason()).startsWith("#2 misses the SLO (1500ms ttft");
    }

    @Test
    void cheapestTriesUnmeasuredSelfHostedFirstSoItGetsMeasured() {
        LiveSnapshot s = snapshot(Map.of("qwen72", latency(300, 30, 1000)));
        RoutePlan plan = planner.plan(P, facts("support", "chat", "internal").build(), s);
        assertThat(ids(plan)).containsExactly("qwen7", "qwen72", "gpt4o");
        assertThat(plan.candidates().get(0).reason()).contains("cost not measured yet");
        assertThat(plan.candidates().get(0).expectedCostUsd()).isNaN();
    }

    @Test
    void cheapestRanksApisByTokenPrice() {
        var policy = io.llmgateway.policy.PolicyLoader.parse("p.yaml", PlannerFixture.POLICY.replace(
                "route: {deployments: [gpt4o, claude], strategy: fastest, fallback: [qwen72]}",
                "route: {deployments: [claude, gpt4o], strategy: cheapest}"));
        RoutePlan plan = planner.plan(policy, facts("marketing", "chat", "public").promptTokens(1000).maxTokens(500).build(),
                LiveSnapshot.EMPTY);
        assertThat(ids(plan)).containsExactly("gpt4o", "claude");
        assertThat(plan.candidates().get(0).expectedCostUsd()).isCloseTo((1000 * 2.5 + 500 * 10) / 1e6, within(1e-12));
    }

    @Test
    void fastestOrdersByExpectedTtftForStreamsAndTotalOtherwise() {
        LiveSnapshot s = snapshot(Map.of("gpt4o", latency(900, 10, 0), "claude", latency(400, 30, 0)));
        RoutePlan stream = planner.plan(P, facts("marketing", "chat", "public").stream(true).build(), s);
        assertThat(ids(stream)).containsExactly("claude", "gpt4o", "qwen72");
        assertThat(stream.candidates().get(0).expectedTtftMs()).isEqualTo(400);
        assertThat(stream.candidates().get(0).reason()).isEqualTo("#1 fastest: 400ms expected");
        // non-stream, 100 output tokens: gpt4o 900 + 99x10 = 1890ms < claude 400 + 99x30 = 3370ms
        RoutePlan whole = planner.plan(P, facts("marketing", "chat", "public").maxTokens(100).build(), s);
        assertThat(ids(whole)).containsExactly("gpt4o", "claude", "qwen72");
    }

    @Test
    void fastestTriesUnmeasuredFirst() {
        LiveSnapshot s = snapshot(Map.of("gpt4o", latency(900, 10, 0)));
        RoutePlan plan = planner.plan(P, facts("marketing", "chat", "public").stream(true).build(), s);
        assertThat(ids(plan)).containsExactly("claude", "gpt4o", "qwen72");
        assertThat(plan.candidates().get(0).reason()).contains("latency not measured yet");
    }

    @Test
    void leastLoadedUsesInFlightEngineQueueAndKvCache() {
        // qwen7: (1 + 0)/4 + 0.1 = 0.35; qwen72: max(2, 6 running)/8 + 1 waiting/8 + 0.5 = 1.375
        LiveSnapshot s = snapshot(Map.of("qwen7", scraped(1, 0, 0, 0.1), "qwen72", scraped(2, 6, 1, 0.5)));
        RoutePlan plan = planner.plan(P, facts("code", "chat", "public").header("x-priority", "batch").build(), s);
        assertThat(plan.rule()).isEqualTo("batch-header");
        assertThat(ids(plan)).containsExactly("qwen7", "qwen72");
        assertThat(plan.candidates().get(0).score()).isCloseTo(0.35, within(1e-9));
        assertThat(plan.candidates().get(1).score()).isCloseTo(1.375, within(1e-9));
        assertThat(plan.candidates().get(1).reason()).isEqualTo("#2 load 1.38 (2 in flight, engine 6 running 1 waiting)");
        LiveSnapshot busy = snapshot(Map.of("qwen7", live(CircuitState.CLOSED, 4)));
        assertThat(ids(planner.plan(P, facts("code", "chat", "public").header("x-priority", "batch").build(), busy)))
                .containsExactly("qwen72", "qwen7");
    }

    @Test
    void weightedDrawsInProportionToWeightAndIsDeterministicPerSeed() {
        Map<String, Integer> first = new HashMap<>();
        for (long seed = 0; seed < 4000; seed++) {
            RoutePlan plan = planner.plan(P, facts("marketing", "small", "public").seed(seed).build(), LiveSnapshot.EMPTY);
            first.merge(ids(plan).get(0), 1, Integer::sum);
            assertThat(ids(plan)).containsExactlyInAnyOrder("qwen7", "gpt4o");
        }
        // weights qwen7 1 : gpt4o 3
        assertThat(first.get("gpt4o") / 4000.0).isCloseTo(0.75, within(0.03));
        RequestFacts f = facts("marketing", "small", "public").seed(42).build();
        assertThat(ids(planner.plan(P, f, LiveSnapshot.EMPTY))).isEqualTo(ids(planner.plan(P, f, LiveSnapshot.EMPTY)));
    }

    @Test
    void rulesMatchOnEveryCondition() {
        String yaml = PlannerFixture.POLICY.substring(0, PlannerFixture.POLICY.indexOf("rules:")) + """
                sensitivity: {keywords: {falcon: [Falcon]}}
                rules:
                  - {name: by-findings, when: {findings: [source-code, falcon]}, route: {deployments: [qwen72]}}
                  - {name: by-tokens, when: {prompt-tokens: {gte: 1000, lt: 2000}}, route: {deployments: [qwen72]}}
                  - {name: by-stream-json, when: {stream: true, json: true}, route: {deployments: [qwen72]}}
                  - {name: by-time, when: {time: {from: "22:00", to: "06:00", zone: Asia/Shanghai}}, route: {deployments: [qwen72]}}
                  - {name: by-class, when: {data-class: {at-least: confidential}}, route: {deployments: [qwen72]}}
                """;
        var p = io.llmgateway.policy.PolicyLoader.parse("p.yaml", yaml);
        assertThat(rule(p, facts("code", "chat", "public").findings(java.util.Set.of(), java.util.Set.of("source-code")).build()))
                .isEqualTo("by-findings");
        assertThat(rule(p, facts("code", "chat", "public").findings(java.util.Set.of("falcon"), java.util.Set.of("custom")).build()))
                .isEqualTo("by-findings");
        assertThat(rule(p, facts("code", "chat", "public").promptTokens(1000).build())).isEqualTo("by-tokens");
        assertThat(rule(p, facts("code", "chat", "public").promptTokens(2000).build())).isEqualTo("chat");
        assertThat(rule(p, facts("code", "chat", "public").stream(true).json(true).build())).isEqualTo("by-stream-json");
        assertThat(rule(p, facts("code", "chat", "public").stream(true).build())).isEqualTo("chat");
        // 15:30 UTC = 23:30 in Shanghai; 04:00 UTC = 12:00
        assertThat(rule(p, facts("code", "chat", "public").receivedAt(15 * 3600_000L + 1800_000L).build())).isEqualTo("by-time");
        assertThat(rule(p, facts("code", "chat", "public").receivedAt(4 * 3600_000L).build())).isEqualTo("chat");
        assertThat(rule(p, facts("code", "chat", "secret").build())).isEqualTo("by-class");
    }

    private String rule(io.llmgateway.policy.Policy p, RequestFacts f) {
        return planner.plan(p, f, LiveSnapshot.EMPTY).route();
    }
}
