package io.llmgateway.gateway.routing;

import io.llmgateway.adapter.UpstreamTarget;
import io.llmgateway.adapter.WireAdapter;
import io.llmgateway.adapter.WireAdapters;
import io.llmgateway.gateway.sensitivity.RequestClassifier;
import io.llmgateway.gateway.sensitivity.SensitivityProperties;
import io.llmgateway.policy.App;
import io.llmgateway.policy.Deployment;
import io.llmgateway.policy.Policy;
import io.llmgateway.policy.PolicyException;
import io.llmgateway.policy.Timeouts;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Policy -> {@link RoutingState}: binds each deployment to its adapter and resolves its credentials, and
 * builds the sensitivity classifier. Refuses (with the policy path) a deployment whose API no adapter speaks
 * or whose key variable is unset, and a {@code sensitivity} section the classifier cannot apply, so a policy
 * that cannot work never goes live.
 */
public final class RoutingStateCompiler {

    private final WireAdapters adapters;
    private final Function<String, String> env;
    private final Duration scanTimeout;

    public RoutingStateCompiler(WireAdapters adapters, Function<String, String> env) {
        this(adapters, env, SensitivityProperties.DEFAULT_SCAN_TIMEOUT);
    }

    /** @param scanTimeout time budget of one sensitivity scan ({@code gateway.sensitivity.scan-timeout}) */
    public RoutingStateCompiler(WireAdapters adapters, Function<String, String> env, Duration scanTimeout) {
        this.adapters = adapters;
        this.env = env;
        this.scanTimeout = scanTimeout;
    }

    public RoutingState compile(Policy policy) {
        List<PolicyException.Problem> problems = new ArrayList<>();
        Map<String, DeploymentRuntime> runtimes = new HashMap<>();
        int i = 0;
        for (Deployment d : policy.deployments().values()) {
            String at = "deployments[" + i++ + "]";
            WireAdapter adapter = adapters.get(d.api()).orElse(null);
            if (adapter == null) {
                problems.add(new PolicyException.Problem(policy.source(), 0, at + ".api",
                        "unknown api '" + d.api() + "' (known: " + String.join(", ", adapters.apis()) + ")"));
                continue;
            }
            String key = null;
            if (d.apiKeyEnv() != null) {
                key = env.apply(d.apiKeyEnv());
                if (key == null || key.isBlank()) {
                    problems.add(new PolicyException.Problem(policy.source(), 0, at + ".api-key-env",
                            "environment variable " + d.apiKeyEnv() + " is not set"));
                    continue;
                }
            }
            UpstreamTarget target = target(d, key);
            try {
                adapter.validate(target);
            } catch (IllegalArgumentException e) {
                problems.add(new PolicyException.Problem(policy.source(), 0, at + ".options", e.getMessage()));
                continue;
            }
            runtimes.put(d.id(), new DeploymentRuntime(d, adapter, target));
        }
        RequestClassifier classifier = null;
        try {
            classifier = RequestClassifier.compile(policy, scanTimeout);
        } catch (PolicyException e) {
            problems.addAll(e.problems());
        }
        if (!problems.isEmpty()) {
            throw new PolicyException(problems);
        }
        Map<String, App> byKey = new HashMap<>();
        for (App app : policy.apps().values()) {
            for (String h : app.keyHashes()) {
                byKey.put(h, app);
            }
        }
        java.util.Set<String> headers = new java.util.HashSet<>();
        for (io.llmgateway.policy.rule.Rule r : policy.rules()) {
            headers.addAll(r.when().headers().keySet());
        }
        return new RoutingState(policy, runtimes, byKey, Instant.now(), headers, classifier);
    }

    private static UpstreamTarget target(Deployment d, String key) {
        Timeouts t = d.timeouts();
        return new UpstreamTarget(d.id(), d.url(), d.model(), key, d.headers(), d.options(),
                new UpstreamTarget.Timeouts(t.connect(), t.firstToken(), t.idle(), t.total()));
    }
}
