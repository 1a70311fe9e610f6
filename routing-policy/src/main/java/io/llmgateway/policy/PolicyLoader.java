package io.llmgateway.policy;

import io.llmgateway.policy.yaml.ConfigNode;
import io.llmgateway.policy.yaml.Problems;
import io.llmgateway.policy.yaml.YamlDocument;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * YAML -> validated, immutable {@link Policy}. Every problem in the file is reported at once, each
 * with the file, line, path inside the file and the offending value; nothing is clamped or guessed.
 */
public final class PolicyLoader {

    private static final Set<String> TOP = Set.of("deployments", "models", "apps");

    private PolicyLoader() {
    }

    public static Policy load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new PolicyException(new PolicyException.Problem(file.toString(), 0, "", "cannot read: " + e));
        }
        return parse(file.toString(), text);
    }

    public static Policy parse(String source, String yaml) {
        Problems problems = new Problems(source);
        ConfigNode root = YamlDocument.parse(source, yaml, problems);
        Map<String, ConfigNode> top = root.entries(TOP);
        problems.throwIfAny();

        Map<String, Deployment> deployments = deployments(top.get("deployments"), root);
        Map<String, List<String>> models = models(top.get("models"), root, deployments);
        Map<String, App> apps = apps(top.get("apps"), models);
        problems.throwIfAny();
        return new Policy(source, PolicyVersion.of(yaml), deployments, models, apps);
    }

    private static Map<String, Deployment> deployments(ConfigNode node, ConfigNode root) {
        Map<String, Deployment> out = new LinkedHashMap<>();
        if (node == null) {
            root.fail("missing required section 'deployments'");
            return out;
        }
        for (ConfigNode item : node.items()) {
            Deployment d = DeploymentBinder.bind(item);
            if (d != null && out.putIfAbsent(d.id(), d) != null) {
                item.fail("duplicate deployment id '" + d.id() + "'");
            }
        }
        if (out.isEmpty() && node.problems().isEmpty()) {
            node.fail("at least one deployment is required");
        }
        return out;
    }

    private static Map<String, List<String>> models(ConfigNode node, ConfigNode root, Map<String, Deployment> deployments) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (node == null) {
            root.fail("missing required section 'models'");
            return out;
        }
        for (Map.Entry<String, ConfigNode> e : node.entries().entrySet()) {
            if (!DeploymentBinder.ID.matcher(e.getKey()).matches() && !e.getKey().contains("/")) {
                e.getValue().fail("invalid model alias '" + e.getKey() + "'");
            }
            List<String> ids = e.getValue().strings();
            if (ids.isEmpty()) {
                e.getValue().fail("an alias needs at least one deployment");
            }
            List<ConfigNode> items = e.getValue().isList() ? e.getValue().items() : List.of(e.getValue());
            for (int i = 0; i < ids.size() && i < items.size(); i++) {
                if (!deployments.containsKey(ids.get(i))) {
                    items.get(i).fail("unknown deployment '" + ids.get(i) + "' (known: " + String.join(", ", deployments.keySet()) + ")");
                }
            }
            if (ids.stream().distinct().count() != ids.size()) {
                e.getValue().fail("lists a deployment twice");
            }
            out.put(e.getKey(), List.copyOf(ids));
        }
        return out;
    }

    private static Map<String, App> apps(ConfigNode node, Map<String, List<String>> models) {
        Map<String, App> out = new LinkedHashMap<>();
        if (node == null) {
            return out;
        }
        Map<String, String> keyOwner = new HashMap<>();
        List<ConfigNode> items = node.items();
        for (ConfigNode item : items) {
            App app = AppBinder.bind(item);
            if (app == null) {
                continue;
            }
            if (out.putIfAbsent(app.id(), app) != null) {
                item.fail("duplicate app id '" + app.id() + "'");
            }
            for (String h : app.keyHashes()) {
                String other = keyOwner.putIfAbsent(h, app.id());
                if (other != null) {
                    item.fail("app '" + app.id() + "' reuses a key of app '" + other + "'");
                }
            }
            List<String> unknown = new ArrayList<>();
            for (String m : app.models()) {
                if (!models.containsKey(m)) {
                    unknown.add(m);
                }
            }
            if (!unknown.isEmpty()) {
                item.fail("models: unknown alias " + unknown + " (known: " + String.join(", ", models.keySet()) + ")");
            }
        }
        return out;
    }
}
