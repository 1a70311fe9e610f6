package io.llmgateway.gateway.observe;

import io.llmgateway.gateway.support.PolicyFiles;
import io.llmgateway.sim.FaultConfig;
import io.llmgateway.sim.SimNode;
import io.llmgateway.sim.SimNodeConfig;
import java.util.List;

/**
 * Simulated upstreams for the observability tests and the policy that routes to them: an A100 and an
 * A10 node (self-hosted, priced by GPU-hour), a closed-API stand-in (priced per token, external zone)
 * and a node that fails every request (for failover and error traffic).
 */
public final class SimulatedFleet implements AutoCloseable {

    /** Key of {@code budget-app}, whose tiny daily budget is crossed by its first priced request. */
    public static final String BUDGET_KEY = "sk-budget-123456";
    /**
     * Key of {@code thrifty-app}, which crosses the 1% soft threshold of its budget after a few priced requests;
     * it also has generous rate limits, so the headroom gauges have series.
     */
    public static final String SOFT_BUDGET_KEY = "sk-thrifty-123456";

    private final SimNode a100 = SimNode.start(SimNodeConfig.builder().id("a100").profile("a100").speed(50)
            .models("Qwen2.5-72B-Instruct").seed(1).build());
    private final SimNode a10 = SimNode.start(SimNodeConfig.builder().id("a10").profile("a10").speed(50)
            .models("Qwen2.5-7B-Instruct", "bge-m3").seed(2).build());
    private final SimNode api = SimNode.start(SimNodeConfig.builder().id("api").profile("openai-api").speed(50)
            .models("gpt-4o").seed(3).build());
    private final SimNode broken = SimNode.start(SimNodeConfig.builder().id("broken").profile("a10").speed(50)
            .models("Qwen2.5-7B-Instruct").seed(4).faults(FaultConfig.builder().errorRate(1.0).build()).build());

    /** The policy: pools with GPU-hour costs, an API price, four aliases (one always failing over, one failing). */
    public String policyYaml() {
        return """
                pools:
                  - {id: a100, zone: private, gpu: A100-80G, gpu-hour-cost: 3.20}
                  - {id: a10, zone: private, gpu: A10-24G, gpu-hour-cost: 1.10}
                  - {id: openai, zone: external}
                deployments:
                  - {id: qwen72-a100, pool: a100, api: openai, url: "%s", model: Qwen2.5-72B-Instruct, gpus: 2}
                  - {id: qwen7-a10, pool: a10, api: openai, url: "%s", model: Qwen2.5-7B-Instruct, gpus: 1}
                  - {id: bge-a10, pool: a10, api: openai, url: "%s", model: bge-m3, gpus: 1}
                  - {id: gpt-4o-api, pool: openai, api: openai, url: "%s", model: gpt-4o,
                     price: {input-per-1m: 2.50, output-per-1m: 10.00}}
                  - {id: flaky-a10, pool: a10, api: openai, url: "%s", model: Qwen2.5-7B-Instruct, gpus: 1}
                models:
                  chat-large: [qwen72-a100, qwen7-a10]
                  chat-small: [qwen7-a10]
                  chat: [qwen7-a10]
                  gpt-4o: [gpt-4o-api]
                  embed: [bge-a10]
                  chat-flaky: [flaky-a10, qwen7-a10]
                  broken: [flaky-a10]
                """.formatted(a100.baseUrl(), a10.baseUrl(), a10.baseUrl(), api.baseUrl(), broken.baseUrl()) + PolicyFiles.APPS
                + """
                  - id: budget-app
                    key: %s
                    budget: {daily: 0.00001, soft-percent: 50}
                  - id: thrifty-app
                    key: %s
                    budget: {daily: 0.01, soft-percent: 1}
                    limits: {rpm: 100000, tpm: 100000000}
                """.formatted(BUDGET_KEY, SOFT_BUDGET_KEY);
    }

    public String policyFile() {
        return PolicyFiles.write(policyYaml()).toString();
    }

    @Override
    public void close() {
        List.of(a100, a10, api, broken).forEach(SimNode::close);
    }
}
