package io.llmgateway.policy;

import io.llmgateway.policy.yaml.ConfigNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Binds one {@code apps[i]} entry. A key is given plain ({@code sk-dev-123}, for development) or as
 * {@code sha256:<64 hex>} (production: the file then holds no usable secret). Several keys allow rotation.
 */
final class AppBinder {

    private static final Set<String> FIELDS = Set.of(
            "id", "key", "keys", "models", "data-class", "redact", "priority", "limits", "budget");
    private static final Pattern SHA256 = Pattern.compile("sha256:[0-9a-fA-F]{64}");
    private static final int MIN_PLAIN_KEY = 8;

    private AppBinder() {
    }

    static App bind(ConfigNode node, DataClasses classes) {
        Fields f = Fields.of(node, FIELDS);
        String id = f.id("id", true);
        List<String> hashes = new ArrayList<>();
        if (f.has("key")) {
            addKey(f.get("key"), hashes);
        }
        if (f.has("keys")) {
            for (ConfigNode k : f.get("keys").items()) {
                addKey(k, hashes);
            }
        }
        if (hashes.isEmpty() && !f.failed()) {
            node.fail("an app needs 'key' or 'keys'");
        }
        Set<String> models = f.has("models") ? new LinkedHashSet<>(f.get("models").strings()) : Set.of();
        DataClass floor = classes.lowest();
        if (f.has("data-class")) {
            floor = dataClass(f.get("data-class"), classes);
        }
        Set<String> redact = new LinkedHashSet<>();
        if (f.has("redact")) {
            for (ConfigNode c : listOf(f.get("redact"))) {
                DataClass dc = dataClass(c, classes);
                if (dc != null) {
                    redact.add(dc.id());
                }
            }
        }
        Priority priority = Priority.INTERACTIVE;
        String p = f.text("priority");
        if (p != null && (priority = Priority.parse(p)) == null) {
            f.get("priority").fail("must be 'interactive' or 'batch', got '" + p + "'");
        }
        AppLimits limits = f.has("limits") ? AppLimitsBinder.limits(f.get("limits")) : AppLimits.NONE;
        Budget budget = f.has("budget") ? AppLimitsBinder.budget(f.get("budget")) : Budget.NONE;
        if (f.failed()) {
            return null;
        }
        return new App(id, hashes, models, floor, redact, priority, limits, budget);
    }

    static DataClass dataClass(ConfigNode node, DataClasses classes) {
        String id = node.text();
        if (id == null) {
            return null;
        }
        return classes.byId(id).orElseGet(() ->
                node.fail("unknown data class '" + id + "' (known: " + String.join(", ", classes.ids()) + ")"));
    }

    static List<ConfigNode> listOf(ConfigNode node) {
        return node.isList() ? node.items() : List.of(node);
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
