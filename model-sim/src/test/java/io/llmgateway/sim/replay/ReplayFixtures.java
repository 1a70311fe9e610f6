package io.llmgateway.sim.replay;

import io.llmgateway.policy.Policy;
import io.llmgateway.policy.PolicyLoader;
import java.util.ArrayList;
import java.util.List;

/** Small inline policies and traces for replay tests. */
final class ReplayFixtures {

    static final Workload WORKLOAD = new Workload("app", "m", 0.0, new Workload.Finding("financial", "bank-card"));

    private ReplayFixtures() {
    }

    /** A policy with an A10 pool ($1/GPU-hour), an external API pool, the given deployments and alias {@code m}. */
    static Policy policy(String deployments, String alias, String more) {
        return PolicyLoader.parse("test-policy.yaml", """
                pools:
                  - {id: a10, zone: private, gpu: A10-24G, gpu-hour-cost: 1.0}
                  - {id: api, zone: external}
                sensitivity:
                  findings: {financial: confidential}
                deployments:
                %s
                models:
                  m: [%s]
                apps:
                  - {id: app, key: sk-test-123456}
                %s
                """.formatted(deployments.indent(2).stripTrailing(), alias, more));
    }

    static String gpu(String id, String extra) {
        return "- {id: " + id + ", pool: a10, api: openai, url: \"http://10.0.0.1/v1\", model: m" + extra + "}\n";
    }

    static String api(String id, String extra) {
        return "- {id: " + id + ", pool: api, api: openai, url: \"https://api.example.com/v1\", model: m,"
                + " price: {input-per-1m: 2.0, output-per-1m: 10.0}" + extra + "}\n";
    }

    /** {@code n} requests of {@code prompt}/{@code output} tokens, {@code gapMs} apart. */
    static Trace trace(int n, double gapMs, int prompt, int output) {
        List<TraceRequest> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new TraceRequest(i, i * gapMs, 1_700_000_000_000L + Math.round(i * gapMs), prompt, output));
        }
        return new Trace("inline", out);
    }

    static ReplayResult run(Policy policy, Trace trace) {
        return PolicyReplay.run(policy, trace, ReplayOptions.builder(WORKLOAD).build());
    }
}
