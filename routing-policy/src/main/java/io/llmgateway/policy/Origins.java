package io.llmgateway.policy;

import java.util.HashMap;
import java.util.Map;

/** Where each expanded route target came from ({@code rules[2].route.pools[0] (pool 'a10')}), for verification messages. */
final class Origins {

    private final Map<String, String> paths = new HashMap<>();

    void put(String routePath, String kind, String deploymentId, String path) {
        paths.putIfAbsent(routePath + "|" + kind + "|" + deploymentId, path);
    }

    /** The path that put {@code deploymentId} into the route's targets or fallbacks, or the route's own path. */
    String of(String routePath, String kind, String deploymentId) {
        return paths.getOrDefault(routePath + "|" + kind + "|" + deploymentId, routePath);
    }

    void app(String id, String path) {
        paths.putIfAbsent("app|" + id, path);
    }

    String appPath(String id) {
        return paths.getOrDefault("app|" + id, "apps");
    }
}
