package io.llmgateway.gateway.resilience;

import io.llmgateway.policy.Deployment;
import io.llmgateway.policy.Policy;
import io.llmgateway.policy.PolicyLoader;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/** Test helpers: guards over a one-line policy, with settings chosen per deployment. */
final class Guards {

    private Guards() {
    }

    static Policy policy(String... ids) {
        StringBuilder y = new StringBuilder("deployments:\n");
        for (String id : ids) {
            y.append("  - {id: ").append(id).append(", pool: p, zone: private, api: openai, url: http://127.0.0.1:9/v1, model: m}\n");
        }
        y.append("models:\n  m: [").append(String.join(", ", ids)).append("]\n");
        return PolicyLoader.parse("test", y.toString());
    }

    static DeploymentGuards of(Policy policy, Map<String, ResilienceSettings> settings) {
        AtomicReference<Policy> live = new AtomicReference<>(policy);
        Function<Deployment, ResilienceSettings> f = d -> settings.getOrDefault(d.id(), ResilienceSettings.DEFAULTS);
        return new DeploymentGuards(f, live::get);
    }
}
