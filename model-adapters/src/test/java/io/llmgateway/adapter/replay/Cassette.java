package io.llmgateway.adapter.replay;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The first interaction of a go-vcr (v2) cassette: the request that was sent (method, URL, query
 * form, body) and the response that came back (status, headers, body).
 */
record Cassette(String name, String method, String url, Map<String, List<String>> form, String requestBody,
                int status, Map<String, List<String>> headers, String responseBody) {

    @SuppressWarnings("unchecked")
    static Cassette read(Path file) {
        Map<String, Object> doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(SharedData.read(file));
        Map<String, Object> first = ((List<Map<String, Object>>) doc.get("interactions")).get(0);
        Map<String, Object> req = (Map<String, Object>) first.get("request");
        Map<String, Object> res = (Map<String, Object>) first.get("response");
        Map<String, List<String>> form = req.get("form") == null ? Map.of() : (Map<String, List<String>>) req.get("form");
        Map<String, List<String>> headers = res.get("headers") == null ? Map.of() : (Map<String, List<String>>) res.get("headers");
        String name = file.getFileName().toString().replace(".yaml", "");
        return new Cassette(name, (String) req.get("method"), (String) req.get("url"), form, (String) req.get("body"),
                ((Number) res.get("code")).intValue(), headers, (String) res.get("body"));
    }

    String header(String name) {
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                return e.getValue().get(0);
            }
        }
        return null;
    }

    /** The path after {@code /v1/} or after the Azure deployment: {@code chat/completions}, {@code embeddings}... */
    String operationPath() {
        String path = java.net.URI.create(url).getPath();
        int v1 = path.indexOf("/v1/");
        if (v1 >= 0) {
            return path.substring(v1 + 4);
        }
        int dep = path.indexOf("/deployments/");
        return path.substring(path.indexOf('/', dep + "/deployments/".length()) + 1);
    }
}
