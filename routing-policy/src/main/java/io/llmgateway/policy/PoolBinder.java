package io.llmgateway.policy;

import io.llmgateway.policy.yaml.ConfigNode;
import io.llmgateway.policy.yaml.Problems;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Binds the optional {@code pools} section, or implies pools from the deployments when it is absent. */
final class PoolBinder {

    private static final Set<String> FIELDS = Set.of("id", "zone", "gpu", "gpu-hour-cost");

    private PoolBinder() {
    }

    static Map<String, Pool> bind(ConfigNode section) {
        Map<String, Pool> out = new LinkedHashMap<>();
        for (ConfigNode item : section.items()) {
            Fields f = Fields.of(item, FIELDS);
            String id = f.id("id", true);
            String zoneText = f.required("zone");
            Zone zone = zoneText == null ? null : Zone.parse(zoneText);
            if (zoneText != null && zone == null) {
                f.get("zone").fail("must be 'private' or 'external', got '" + zoneText + "'");
            }
            String gpu = f.text("gpu");
            double cost = f.number("gpu-hour-cost", 0.0001, 100_000, Double.NaN);
            if (f.failed()) {
                continue;
            }
            if (out.putIfAbsent(id, new Pool(id, zone, gpu, cost, true)) != null) {
                item.fail("duplicate pool id '" + id + "'");
            }
        }
        return out;
    }

    /**
     * Pools implied by {@code deployments[].pool} when there is no {@code pools} section. A pool is then only
     * a label: each deployment's own zone is what counts. Mixed zones in one label are reported as warnings
     * (policies written before pools existed may do it); the implied pool takes its first deployment's zone.
     */
    static Map<String, Pool> implied(Map<String, Deployment> deployments, Map<String, Integer> index, Problems problems,
                                     java.util.List<io.llmgateway.policy.PolicyException.Problem> warnings) {
        Map<String, Pool> out = new LinkedHashMap<>();
        for (Deployment d : deployments.values()) {
            Pool p = out.computeIfAbsent(d.pool(), id -> new Pool(id, d.zone(), null, Double.NaN, false));
            if (p.zone() != d.zone()) {
                String at = "deployments[" + index.get(d.id()) + "].zone";
                warnings.add(new io.llmgateway.policy.PolicyException.Problem(problems.file(), problems.lineOf(at), at,
                        "'" + d.zone().id() + "' differs from other deployments of pool '" + d.pool() + "' (zone " + p.zone().id()
                                + "): declare the pools under 'pools' to make their zones explicit"));
            }
        }
        return out;
    }
}
