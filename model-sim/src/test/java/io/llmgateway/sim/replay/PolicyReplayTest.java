package io.llmgateway.sim.replay;

import static io.llmgateway.sim.replay.ReplayFixtures.api;
import static io.llmgateway.sim.replay.ReplayFixtures.gpu;
import static io.llmgateway.sim.replay.ReplayFixtures.policy;
import static io.llmgateway.sim.replay.ReplayFixtures.run;
import static io.llmgateway.sim.replay.ReplayFixtures.trace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.llmgateway.policy.Policy;
import io.llmgateway.sim.GpuProfileFile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Whole replays through the planner: queueing, cost, refusals, failover, SLOs, determinism. */
class PolicyReplayTest {

    @Test
    void timeToFirstTokenGrowsWithLoad() {
        Policy p = policy(gpu("g", ""), "g", "");
        Trace t = trace(300, 5000, 500, 100); // each request alone: ~3 s of work every 5 s
        ReplayResult light = run(p, t);
        ReplayResult heavy = run(p, t.timeScaled(40)); // a request every 125 ms: the prefill alone fills the GPU
        assertThat(light.counts().served()).isEqualTo(300);
        assertThat(heavy.counts().served()).isEqualTo(300);
        assertThat(light.latency().ttftP50()).isCloseTo(28 + 125, within(1e-9)); // alone: one prefill step
        assertThat(heavy.latency().ttftP50()).isGreaterThan(2 * light.latency().ttftP50());
        assertThat(heavy.latency().totalP99()).isGreaterThan(light.latency().totalP99());
        assertThat(heavy.deployments().get(0).busyShare()).isGreaterThan(light.deployments().get(0).busyShare());
    }

    @Test
    void apiCostIsTokensTimesPriceAndGpuCostIsProvisionedTime() {
        Policy p = policy(gpu("g", ", gpus: 2") + api("x", "") + gpu("idle", ""), "g, x, idle",
                "rules:\n  - {name: spread, route: {deployments: [g, x], strategy: weighted}}");
        ReplayResult r = run(p, trace(40, 500, 1000, 100));
        ReplayResult.DeploymentUsage g = r.deployments().get(0);
        ReplayResult.DeploymentUsage x = r.deployments().get(1);
        assertThat(g.served() + x.served()).isEqualTo(40);
        assertThat(g.served()).isPositive();
        assertThat(x.apiUsd()).isCloseTo(x.served() * (1000 * 2.0 + 100 * 10.0) / 1e6, within(1e-12));
        assertThat(g.gpuUsd()).isCloseTo(2 * 1.0 * r.cost().windowSeconds() / 3600, within(1e-12));
        assertThat(r.deployments().get(2).gpuUsd()).isZero(); // never a candidate: not provisioned for this traffic
        assertThat(r.cost().totalUsd()).isCloseTo(x.apiUsd() + g.gpuUsd(), within(1e-12));
        assertThat(r.cost().per1kServed(40)).isCloseTo(r.cost().totalUsd() / 40 * 1000, within(1e-12));
        assertThat(r.cost().gpuPer1mTokens()).isCloseTo(g.gpuUsd() / (g.served() * 1100L) * 1e6, within(1e-9));
        assertThat(r.cost().gpuBusyUsd()).isLessThan(g.gpuUsd());
        assertThat(r.cost().windowSeconds()).isGreaterThan(39 * 0.5);
    }

    @Test
    void sensitiveRequestsThatOnlyAnExternalApiCouldServeAreRefusedByReason() {
        Policy p = policy(api("x", ""), "x", "");
        Workload w = ReplayFixtures.WORKLOAD.withSensitiveShare(0.25);
        ReplayResult r = PolicyReplay.run(p, trace(400, 100, 200, 10), ReplayOptions.builder(w).build());
        int refused = r.counts().refused().get("data_class_zone");
        assertThat(refused).isBetween(60, 140);
        assertThat(r.counts().served()).isEqualTo(400 - refused);
        assertThat(r.shares().byZone()).containsExactly(Map.entry("external", 1.0));
    }

    @Test
    void aSaturatedDeploymentIsRejectedByThePlannerAndARateLimitedOneFailsOver() {
        Policy noRoom = policy(gpu("g", ", max-concurrency: 1"), "g", "");
        ReplayResult planned = run(noRoom, trace(2, 0, 100, 20));
        assertThat(planned.counts().refused()).containsExactly(Map.entry("no_candidate", 1)); // SATURATED in the plan

        // As in the gateway, in-flight counts slot holders only: the planner keeps the deployment while its
        // waiting room fills, and the executor's waiting room refuses the request once it is full.
        Policy p = policy(gpu("g", ", max-concurrency: 1, resilience: {max-queue: 1}"), "g", "");
        ReplayResult r = run(p, trace(3, 0, 100, 20));
        assertThat(r.counts().served()).isEqualTo(2); // one in a slot, one in the waiting room
        assertThat(r.counts().refused()).containsExactly(Map.entry("saturated", 1));

        Policy two = policy(api("x", "") + api("y", ""), "x, y", "");
        GpuProfileFile oneRpm = GpuProfileFile.parse("one-rpm.yaml", """
                profiles:
                  - {name: tiny-api, kind: api, api: {ttft_median_ms: 300, tpot_min_ms: 10, tpot_max_ms: 20, requests_per_minute: 1}, cost: {}}
                """);
        ReplayResult f = PolicyReplay.run(two, trace(3, 0, 100, 20),
                ReplayOptions.builder(ReplayFixtures.WORKLOAD).profiles(oneRpm).apiProfile("tiny-api").build());
        assertThat(f.counts().served()).isEqualTo(2);
        assertThat(f.counts().failedOver()).isEqualTo(1);
        assertThat(f.counts().refused()).containsExactly(Map.entry("rate_limited", 1));
    }

    @Test
    void aRequestWithoutAFirstTokenInTimeFailsOverToTheNextCandidate() {
        Policy p = policy(gpu("g", ", timeouts: {first-token: 100ms}") + api("x", ""), "g, x", "");
        ReplayResult r = run(p, trace(1, 0, 2000, 10)); // 2000 prompt tokens: ~528 ms of prefill on an A10
        assertThat(r.counts().served()).isEqualTo(1);
        assertThat(r.counts().failedOver()).isEqualTo(1);
        assertThat(r.shares().byPool()).containsExactly(Map.entry("api", 1.0));
        assertThat(r.latency().ttftP50()).isGreaterThan(100);

        ReplayResult alone = run(policy(gpu("g", ", timeouts: {first-token: 100ms}"), "g", ""), trace(1, 0, 2000, 10));
        assertThat(alone.counts().refused()).containsExactly(Map.entry("first_token_timeout", 1));
    }

    @Test
    void sloAttainmentUsesTheRuleSloUnlessAFlagSetsOne() {
        Policy p = policy(gpu("g", ""), "g", "rules:\n  - {name: r, route: {deployments: [g], strategy: cheapest, slo: {ttft: 1ms}}}");
        Trace t = trace(20, 1000, 100, 5);
        assertThat(run(p, t).slo().met()).isZero();
        ReplayOptions flags = ReplayOptions.builder(ReplayFixtures.WORKLOAD).slo(new SloTarget(5_000, 60_000)).build();
        ReplayResult r = PolicyReplay.run(p, t, flags);
        assertThat(r.slo().met()).isEqualTo(1.0);
        assertThat(r.slo().basis()).contains("TTFT 5000 ms, total 60000 ms for every request");
    }

    @Test
    void theSameSeedGivesTheSameReplay() {
        Policy p = policy(gpu("g", "") + gpu("h", "") + api("x", ""), "g, h, x",
                "rules:\n  - {name: spread, route: {deployments: [g, h, x], strategy: weighted}}");
        Trace t = trace(500, 50, 800, 60);
        Workload w = ReplayFixtures.WORKLOAD.withSensitiveShare(0.3);
        ReplayResult a = PolicyReplay.run(p, t, ReplayOptions.builder(w).seed(7).build());
        ReplayResult b = PolicyReplay.run(p, t, ReplayOptions.builder(w).seed(7).build());
        ReplayResult c = PolicyReplay.run(p, t, ReplayOptions.builder(w).seed(8).build());
        assertThat(b).isEqualTo(a);
        assertThat(ReplayJson.render(List.of(b))).isEqualTo(ReplayJson.render(List.of(a)));
        assertThat(c.deployments()).isNotEqualTo(a.deployments());
    }

    @Test
    void anAppOrProfileThePolicyLacksIsRefusedBeforeRunning() {
        Policy p = policy(gpu("g", ""), "g", "");
        assertThatThrownBy(() -> PolicyReplay.run(p, trace(1, 0, 10, 1),
                ReplayOptions.builder(ReplayFixtures.WORKLOAD.withApp("nobody")).build()))
                .hasMessageContaining("no app 'nobody'").hasMessageContaining("apps: app");
        assertThatThrownBy(() -> PolicyReplay.run(p, trace(1, 0, 10, 1),
                ReplayOptions.builder(ReplayFixtures.WORKLOAD).poolProfiles(Map.of("a10", "h100")).build()))
                .hasMessageContaining("deployment 'g' (--profile a10=h100): unknown profile 'h100'");
    }
}
