package io.llmgateway.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/** The objects {@code helm template} rendered, as plain maps, with the few look-ups the tests need. */
record Rendered(String text, List<Map<String, Object>> objects) {

    static Rendered parse(String text) {
        List<Map<String, Object>> docs = new ArrayList<>();
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        for (Object doc : new Yaml(options).loadAll(text)) {
            if (doc instanceof Map<?, ?> m) {
                docs.add(cast(m));
            }
        }
        return new Rendered(text, docs);
    }

    List<Map<String, Object>> all(String kind) {
        return objects.stream().filter(o -> kind.equals(o.get("kind"))).toList();
    }

    Map<String, Object> one(String kind) {
        List<Map<String, Object>> found = all(kind);
        assertThat(found).as("exactly one %s", kind).hasSize(1);
        return found.get(0);
    }

    Map<String, Object> container() {
        Map<String, Object> pod = map(one("Deployment"), "spec", "template", "spec");
        List<Map<String, Object>> containers = list(pod, "containers");
        assertThat(containers).hasSize(1);
        return containers.get(0);
    }

    Map<String, Object> podSpec() {
        return map(one("Deployment"), "spec", "template", "spec");
    }

    /** The container's environment as name -> entry. */
    Map<String, Map<String, Object>> env() {
        Map<String, Map<String, Object>> out = new java.util.LinkedHashMap<>();
        for (Map<String, Object> e : list(container(), "env")) {
            out.put((String) e.get("name"), e);
        }
        return out;
    }

    static Map<String, Object> map(Map<String, Object> from, String... path) {
        Object at = from;
        for (String p : path) {
            at = Objects.requireNonNull(((Map<?, ?>) at).get(p), () -> "missing " + p + " in " + String.join(".", path));
        }
        return cast((Map<?, ?>) at);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Map<String, Object> from, String key) {
        return (List<Map<String, Object>>) Objects.requireNonNull(from.get(key), "missing " + key);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> cast(Map<?, ?> m) {
        return (Map<String, Object>) m;
    }
}
