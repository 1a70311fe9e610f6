package io.llmgateway.policy;

import io.llmgateway.policy.yaml.ConfigNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Binds one {@code apps[i]} entry. A key is given plain ({@code sk-dev-123}, for development) or as
 * {@code sha256:<64 hex>} (production: the file then holds no usable secret). Several keys allow rotation.
 */
final class AppBinder {

    private static final Set<String> FIELDS = Set.of("id", "key", "keys", "models");
    private static final Pattern SHA256 = Pattern.compile("sha256:[0-9a-fA-F]{64}");
    private static final int MIN_PLAIN_KEY = 8;

    private AppBinder() {
    }

    static App bind(ConfigNode node) {
        Map<String, ConfigNode> f = node.entries(FIELDS);
        int before = node.problems().size();
        String id = null;
        if (!f.containsKey("id")) {
            node.fail("missing required field 'id'");
        } else {
            id = f.get("id").text();
            if (id != null && !DeploymentBinder.ID.matcher(id).matches()) {
                f.get("id").fail("must match " + DeploymentBinder.ID.pattern() + ", got '" + id + "'");
            }
        }
        List<String> hashes = new ArrayList<>();
        if (f.containsKey("key")) {
            addKey(f.get("key"), hashes);
        }
        if (f.containsKey("keys")) {
            for (ConfigNode k : f.get("keys").items()) {
                addKey(k, hashes);
            }
        }
        if (hashes.isEmpty() && node.problems().size() == before) {
            node.fail("an app needs 'key' or 'keys'");
        }
        Set<String> models = f.containsKey("models") ? new LinkedHashSet<>(f.get("models").strings()) : Set.of();
        if (node.problems().size() != before) {
            return null;
        }
        return new App(id, hashes, models);
    }

    private static void addKey(ConfigNode node, List<String> hashes) {
        String k = node.text();
        if (k == null) {
            return;
        }
        if (k.startsWith("sha256:")) {
            if (!SHA256.matcher(k).matches()) {
                node.fail("a hashed key must be 'sha256:' followed by 64 hex digits");
                return;
            }
            hashes.add(k.substring(7).toLowerCase(java.util.Locale.ROOT));
        } else if (k.length() < MIN_PLAIN_KEY || k.chars().anyMatch(Character::isWhitespace)) {
            // the value itself is a secret: never echo it
            node.fail("a plain key must be at least " + MIN_PLAIN_KEY + " characters without spaces");
        } else {
            hashes.add(KeyHash.sha256Hex(k));
        }
    }
}
