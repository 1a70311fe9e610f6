package io.llmgateway.gateway.routing;

import io.llmgateway.gateway.sensitivity.RequestClassifier;
import io.llmgateway.policy.App;
import io.llmgateway.policy.Policy;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the hot path needs from one policy version, immutable: swapped atomically on reload so a
 * request sees one consistent version from start to end.
 *
 * @param policy      the validated policy
 * @param deployments compiled deployments by id
 * @param appsByKey   apps by the SHA-256 hex of their keys
 * @param loadedAt    when this version went live
 * @param ruleHeaders lower-case names of the request headers the policy's rules match on (only these are copied into facts)
 * @param classifier  the policy's sensitivity classifier
 */
public record RoutingState(
        Policy policy,
        Map<String, DeploymentRuntime> deployments,
        Map<String, App> appsByKey,
        Instant loadedAt,
        java.util.Set<String> ruleHeaders,
        RequestClassifier classifier) {

    public RoutingState {
        java.util.Objects.requireNonNull(classifier, "classifier");
        deployments = Map.copyOf(deployments);
        appsByKey = Map.copyOf(appsByKey);
        ruleHeaders = java.util.Set.copyOf(ruleHeaders);
    }

    public Optional<App> appByKeyHash(String sha256Hex) {
        return Optional.ofNullable(appsByKey.get(sha256Hex));
    }

    public DeploymentRuntime deployment(String id) {
        return deployments.get(id);
    }
}
