package io.llmgateway.policy;

import io.llmgateway.policy.rule.Rule;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A validated, immutable routing policy. Built only by {@link PolicyLoader}, which refuses anything
 * inconsistent or leaking, so code holding a {@code Policy} can trust every cross-reference in it.
 *
 * @param source      where it came from (file path or resource name)
 * @param version     content hash, shown by the admin API and the status page
 * @param dataClasses data classes, least sensitive first, and the default class
 * @param sensitivity classifier settings
 * @param pools       by id, in file order (implied from deployments when the file has no {@code pools})
 * @param deployments by id, in file order
 * @param models      alias -> candidate deployment ids, in order
 * @param apps        by id
 * @param rules       in file order; the first match decides
 * @param warnings    problems that do not stop the policy (printed by {@code policy check}, logged on load)
 */
public record Policy(
        String source,
        String version,
        DataClasses dataClasses,
        SensitivitySettings sensitivity,
        Map<String, Pool> pools,
        Map<String, Deployment> deployments,
        Map<String, List<String>> models,
        Map<String, App> apps,
        List<Rule> rules,
        List<PolicyException.Problem> warnings) {

    public Policy {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(dataClasses, "dataClasses");
        Objects.requireNonNull(sensitivity, "sensitivity");
        pools = unmodifiable(pools);
        deployments = unmodifiable(deployments);
        models = unmodifiable(models);
        apps = unmodifiable(apps);
        rules = List.copyOf(rules);
        warnings = List.copyOf(warnings);
    }

    public Optional<Deployment> deployment(String id) {
        return Optional.ofNullable(deployments.get(id));
    }

    public Optional<List<String>> alias(String name) {
        return Optional.ofNullable(models.get(name));
    }

    public Pool poolOf(Deployment d) {
        return pools.get(d.pool());
    }

    Policy withWarnings(List<PolicyException.Problem> w) {
        return new Policy(source, version, dataClasses, sensitivity, pools, deployments, models, apps, rules, w);
    }

    private static <K, V> Map<K, V> unmodifiable(Map<K, V> m) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(m));
    }
}
