package io.llmgateway.policy;

import io.llmgateway.policy.rule.Rule;
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
 * Sections are bound in dependency order (data classes, pools, deployments, models, apps, rules), then
 * {@link PolicyVerifier} proves no data class is sent to a zone it forbids.
 */
public final class PolicyLoader {

    private static final Set<String> TOP = Set.of("pools", "data-classes", "default-data-class", "sensitivity",
            "deployments", "models", "apps", "rules");

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

    /** The version a policy with this text gets: the first 12 hex digits of its SHA-256. */
    public static String version(String yaml) {
        return PolicyVersion.of(yaml);
    }

    public static Policy parse(String source, String yaml) {
        Problems problems = new Problems(source);
        ConfigNode root = YamlDocument.parse(source, yaml, problems);
        Map<String, ConfigNode> top = root.entries(TOP);
        problems.throwIfAny();

        DataClasses classes = DataClassBinder.bind(top.get("data-classes"), top.get("default-data-class"));
        SensitivitySettings sensitivity = top.containsKey("sensitivity") && classes != null
                ? SensitivityBinder.bind(top.get("sensitivity"), classes) : SensitivitySettings.DEFAULTS;
        Map<String, Pool> declaredPools = top.containsKey("pools") ? PoolBinder.bind(top.get("pools")) : null;
        Map<String, Integer> index = new HashMap<>();
        Map<String, Deployment> deployments = deployments(top.get("deployments"), root, declaredPools, index);
        List<PolicyException.Problem> poolWarnings = new ArrayList<>();
        Map<String, Pool> pools = declaredPools != null ? declaredPools
                : PoolBinder.implied(deployments, index, problems, poolWarnings);
        Map<String, List<String>> models = models(top.get("models"), root, deployments);
        Origins origins = new Origins();
        Map<String, App> apps = classes == null ? Map.of() : apps(top.get("apps"), models, classes, origins);
        problems.throwIfAny();

        Catalog catalog = new Catalog(classes, pools, deployments, models, apps, top.containsKey("apps"));
        List<Rule> rules = top.containsKey("rules") ? RuleBinder.bind(top.get("rules"), catalog, origins) : List.of();
        problems.throwIfAny();

        Policy policy = new Policy(source, PolicyVersion.of(yaml), classes, sensitivity, pools, deployments, models, apps,
                rules, List.of());
        List<PolicyException.Problem> warnings = new ArrayList<>(poolWarnings);
        warnings.addAll(PolicyVerifier.verify(policy, problems, origins));
        problems.throwIfAny();
        return policy.withWarnings(warnings);
    }

    private static Map<String, Deployment> deployments(ConfigNode node, ConfigNode root, Map<String, Pool> pools,
                                                       Map<String, Integer> index) {
        Map<String, Deployment> out = new LinkedHashMap<>();
        if (node == null) {
            root.fail("missing required section 'deployments'");
            return out;
        }
        List<ConfigNode> items = node.items();
        for (int i = 0; i < items.size(); i++) {
            Deployment d = DeploymentBinder.bind(items.get(i), pools);
            if (d != null && out.putIfAbsent(d.id(), d) != null) {
                items.get(i).fail("duplicate deployment id '" + d.id() + "'");
            } else if (d != null) {
                index.put(d.id(), i);
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
            if (!Fields.ID.matcher(e.getKey()).matches() && !e.getKey().contains("/")) {
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

    private static Map<String, App> apps(ConfigNode node, Map<String, List<String>> models, DataClasses classes, Origins origins) {
        Map<String, App> out = new LinkedHashMap<>();
        if (node == null) {
            return out;
        }
        Map<String, String> keyOwner = new HashMap<>();
        for (ConfigNode item : node.items()) {
            App app = AppBinder.bind(item, classes);
            if (app == null) {
                continue;
            }
            if (out.putIfAbsent(app.id(), app) != null) {
                item.fail("duplicate app id '" + app.id() + "'");
            }
            origins.app(app.id(), item.path());
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
            for (String m : app.limits().perModel().keySet()) {
                if (!models.containsKey(m) || !app.mayUse(m)) {
                    item.problems().at(item.path() + ".limits.per-model." + m,
                            "'" + m + "' is not a model alias this app may use");
                }
            }
        }
        return out;
    }
}
