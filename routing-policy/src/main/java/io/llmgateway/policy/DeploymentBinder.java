package io.llmgateway.policy;

import io.llmgateway.policy.yaml.ConfigNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Binds one {@code deployments[i]} entry; problems are recorded on the node, null is returned if any. */
final class DeploymentBinder {

    static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern HEADER_NAME = Pattern.compile("[A-Za-z0-9-]{1,64}");
    private static final Set<String> FIELDS = Set.of(
            "id", "pool", "zone", "api", "url", "model", "api-key-env", "headers", "timeouts", "options");
    private static final Set<String> TIMEOUT_FIELDS = Set.of("connect", "first-token", "idle", "total");

    private DeploymentBinder() {
    }

    static Deployment bind(ConfigNode node) {
        Map<String, ConfigNode> f = node.entries(FIELDS);
        int before = problemCount(node);
        String id = required(node, f, "id");
        if (id != null && !ID.matcher(id).matches()) {
            f.get("id").fail("must match " + ID.pattern() + ", got '" + id + "'");
        }
        String pool = required(node, f, "pool");
        Zone zone = null;
        String zoneText = required(node, f, "zone");
        if (zoneText != null) {
            zone = Zone.parse(zoneText);
            if (zone == null) {
                f.get("zone").fail("must be 'private' or 'external', got '" + zoneText + "'");
            }
        }
        String api = required(node, f, "api");
        URI url = url(node, f);
        String model = required(node, f, "model");
        String keyEnv = null;
        if (f.containsKey("api-key-env")) {
            keyEnv = f.get("api-key-env").text();
            if (keyEnv != null && !ENV_NAME.matcher(keyEnv).matches()) {
                f.get("api-key-env").fail("must be an environment variable name, got '" + keyEnv + "'");
            }
        }
        Map<String, String> headers = stringMap(f.get("headers"), HEADER_NAME);
        Map<String, String> options = stringMap(f.get("options"), null);
        Timeouts timeouts = f.containsKey("timeouts") ? timeouts(f.get("timeouts")) : Timeouts.DEFAULTS;
        if (problemCount(node) != before) {
            return null;
        }
        return new Deployment(id, pool, zone, api, url, model, keyEnv, headers, timeouts, options);
    }

    private static String required(ConfigNode node, Map<String, ConfigNode> f, String key) {
        ConfigNode v = f.get(key);
        if (v == null) {
            return node.fail("missing required field '" + key + "'");
        }
        return v.text();
    }

    private static URI url(ConfigNode node, Map<String, ConfigNode> f) {
        String text = required(node, f, "url");
        if (text == null) {
            return null;
        }
        ConfigNode at = f.get("url");
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme();
            if (scheme == null || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                return at.fail("must be an absolute http(s) URL with a host, got '" + text + "'");
            }
            if (uri.getQuery() != null || uri.getFragment() != null) {
                return at.fail("must not carry a query or fragment (use options), got '" + text + "'");
            }
            String s = uri.toString();
            return s.endsWith("/") ? new URI(s.substring(0, s.length() - 1)) : uri;
        } catch (URISyntaxException e) {
            return at.fail("not a valid URL: '" + text + "' (" + e.getReason() + ")");
        }
    }

    private static Timeouts timeouts(ConfigNode node) {
        Map<String, ConfigNode> f = node.entries(TIMEOUT_FIELDS);
        Timeouts d = Timeouts.DEFAULTS;
        var connect = f.containsKey("connect") ? f.get("connect").duration() : d.connect();
        var first = f.containsKey("first-token") ? f.get("first-token").duration() : d.firstToken();
        var idle = f.containsKey("idle") ? f.get("idle").duration() : d.idle();
        var total = f.containsKey("total") ? f.get("total").duration() : d.total();
        if (connect == null || first == null || idle == null || total == null) {
            return d;
        }
        return new Timeouts(connect, first, idle, total);
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

    private static int problemCount(ConfigNode node) {
        return node.problems().size();
    }
}
