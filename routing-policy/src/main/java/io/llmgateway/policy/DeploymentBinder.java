package io.llmgateway.policy;

import io.llmgateway.policy.yaml.ConfigNode;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Binds one {@code deployments[i]} entry; problems are recorded on the node, null is returned if any. */
final class DeploymentBinder {

    static final Pattern ID = Fields.ID;
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern HEADER_NAME = Pattern.compile("[A-Za-z0-9-]{1,64}");
    private static final Set<String> FIELDS = Set.of(
            "id", "pool", "zone", "api", "url", "model", "api-key-env", "headers", "timeouts", "options",
            "context-window", "capabilities", "max-concurrency", "gpus", "price", "metrics-url", "weight", "resilience");
    private static final Set<String> TIMEOUT_FIELDS = Set.of("connect", "first-token", "idle", "total");

    private DeploymentBinder() {
    }

    /** @param pools the declared pools, or null when the policy has no {@code pools} section */
    static Deployment bind(ConfigNode node, Map<String, Pool> pools) {
        Fields f = Fields.of(node, FIELDS);
        String id = f.id("id", true);
        String pool = f.required("pool");
        Zone zone = zone(f, pool, pools);
        String api = f.required("api");
        URI url = f.url("url", true);
        String model = f.required("model");
        String keyEnv = f.text("api-key-env");
        if (keyEnv != null && !ENV_NAME.matcher(keyEnv).matches()) {
            f.get("api-key-env").fail("must be an environment variable name, got '" + keyEnv + "'");
        }
        Map<String, String> headers = stringMap(f.get("headers"), HEADER_NAME);
        Map<String, String> options = stringMap(f.get("options"), null);
        Timeouts timeouts = f.has("timeouts") ? timeouts(f.get("timeouts")) : Timeouts.DEFAULTS;
        Profile profile = ProfileBinder.bind(f);
        Resilience resilience = f.has("resilience") ? ResilienceBinder.bind(f.get("resilience")) : Resilience.DEFAULTS;
        if (f.failed()) {
            return null;
        }
        return new Deployment(id, pool, zone, api, url, model, keyEnv, headers, timeouts, options, profile, resilience);
    }

    private static Zone zone(Fields f, String pool, Map<String, Pool> pools) {
        Zone zone = null;
        String text = pools == null ? f.required("zone") : f.text("zone");
        if (text != null) {
            zone = Zone.parse(text);
            if (zone == null) {
                return f.get("zone").fail("must be 'private' or 'external', got '" + text + "'");
            }
        }
        if (pools == null || pool == null) {
            return zone;
        }
        Pool p = pools.get(pool);
        if (p == null) {
            return f.get("pool").fail("unknown pool '" + pool + "' (known: " + String.join(", ", pools.keySet()) + ")");
        }
        if (zone != null && zone != p.zone()) {
            return f.get("zone").fail("'" + zone.id() + "' disagrees with pool '" + pool + "' (zone " + p.zone().id()
                    + "): a deployment's zone is its pool's");
        }
        return p.zone();
    }

    private static Timeouts timeouts(ConfigNode node) {
        Fields f = Fields.of(node, TIMEOUT_FIELDS);
        Timeouts d = Timeouts.DEFAULTS;
        Timeouts t = new Timeouts(f.duration("connect", d.connect()), f.duration("first-token", d.firstToken()),
                f.duration("idle", d.idle()), f.duration("total", d.total()));
        return f.failed() ? d : t;
    }

    private static Map<String, String> stringMap(ConfigNode node, Pattern keyPattern) {
        Map<String, String> out = new LinkedHashMap<>();
        if (node == null) {
            return out;
        }
        for (Map.Entry<String, ConfigNode> e : node.entries().entrySet()) {
            if (keyPattern != null && !keyPattern.matcher(e.getKey()).matches()) {
                e.getValue().fail("invalid name '" + e.getKey() + "'");
                continue;
            }
            String v = e.getValue().string();
            if (v != null) {
                out.put(e.getKey(), v);
            }
        }
        return out;
    }
}
