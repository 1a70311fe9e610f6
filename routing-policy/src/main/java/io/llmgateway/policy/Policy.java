package io.llmgateway.policy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A validated, immutable routing policy. Built only by {@link PolicyLoader}, which refuses anything
 * inconsistent, so code holding a {@code Policy} can trust every cross-reference in it.
 *
 * @param source      where it came from (file path or resource name)
 * @param version     content hash, shown by the admin API and the status page
 * @param deployments by id, in file order
 * @param models      alias -> candidate deployment ids, in order
 * @param apps        by id
 */
public record Policy(
        String source,
        String version,
        Map<String, Deployment> deployments,
        Map<String, List<String>> models,
        Map<String, App> apps) {

    public Policy {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(version, "version");
        deployments = unmodifiable(deployments);
        models = unmodifiable(models);
        apps = unmodifiable(apps);
    }

    public Optional<Deployment> deployment(String id) {
        return Optional.ofNullable(deployments.get(id));
    }

    public Optional<List<String>> alias(String name) {
        return Optional.ofNullable(models.get(name));
    }

    private static <K, V> Map<K, V> unmodifiable(Map<K, V> m) {
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(m));
    }
}
