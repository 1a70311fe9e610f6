package io.llmgateway.gateway.observe;

import io.llmgateway.adapter.schema.WireJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;

/** Every PromQL expression in deploy/grafana/*.json and deploy/prometheus/*.yml, with where it comes from. */
final class DashboardQueries {

    record Query(String where, String expr) {
    }

    private DashboardQueries() {
    }

    static List<Query> all(Path repo) throws IOException {
        List<Query> out = new ArrayList<>();
        for (Path f : files(repo.resolve("deploy/grafana"), ".json")) {
            collectJson(f.getFileName().toString(), WireJson.MAPPER.readTree(Files.readString(f)), out);
        }
        for (Path f : ruleFiles(repo)) {
            collectRules(f.getFileName().toString(), new Yaml().load(Files.readString(f)), out);
        }
        return out;
    }

    static List<Path> ruleFiles(Path repo) throws IOException {
        List<Path> out = new ArrayList<>(files(repo.resolve("deploy/prometheus"), ".yml"));
        out.addAll(files(repo.resolve("deploy/prometheus"), ".yaml"));
        return out;
    }

    private static List<Path> files(Path dir, String suffix) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        }
    }

    private static void collectJson(String where, JsonNode node, List<Query> out) {
        if (node.isObject()) {
            String title = node.path("title").asString("");
            if (node.has("expr") && node.get("expr").isString()) {
                out.add(new Query(where + ": " + title, PromQl.grafana(node.get("expr").asString())));
            }
            node.properties().forEach(e -> collectJson(where + (title.isEmpty() ? "" : " / " + title), e.getValue(), out));
        } else if (node.isArray()) {
            node.forEach(n -> collectJson(where, n, out));
        }
    }

    @SuppressWarnings("unchecked")
    private static void collectRules(String where, Map<String, Object> doc, List<Query> out) {
        for (Map<String, Object> group : (List<Map<String, Object>>) doc.get("groups")) {
            for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
                String name = String.valueOf(rule.getOrDefault("alert", rule.get("record")));
                out.add(new Query(where + ": " + name, String.valueOf(rule.get("expr"))));
            }
        }
    }
}
