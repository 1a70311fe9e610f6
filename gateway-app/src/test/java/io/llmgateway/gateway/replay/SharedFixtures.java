package io.llmgateway.gateway.replay;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The recorded upstream traffic in {@code ../shared/data/fixtures}, read in place: located via
 * {@code GATEWAY_SHARED_DATA} (set by the parent pom's surefire configuration), else
 * {@code ../shared/data} next to the repository root. Tests that need it are skipped when it is absent.
 */
final class SharedFixtures {

    private SharedFixtures() {
    }

    static Path dir(String sub) {
        Path root = root();
        Path dir = root == null ? null : root.resolve("fixtures").resolve(sub);
        assumeTrue(dir != null && Files.isDirectory(dir), "../shared/data absent: replay of recorded traffic skipped (" + sub + ")");
        return dir;
    }

    static List<Path> files(Path dir, String suffix) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The payloads of an SSE text ({@code data:} lines joined per event), {@code [DONE]} included. */
    static List<String> sseData(String sse) {
        List<String> out = new ArrayList<>();
        for (String event : sse.replace("\r\n", "\n").split("\n\n")) {
            StringBuilder data = new StringBuilder();
            for (String line : event.split("\n")) {
                if (line.startsWith("data:")) {
                    data.append(data.isEmpty() ? "" : "\n").append(line.substring(line.startsWith("data: ") ? 6 : 5));
                }
            }
            if (!data.isEmpty()) {
                out.add(data.toString());
            }
        }
        return out;
    }

    /** The first interaction of a go-vcr cassette. */
    record Cassette(String name, String url, Map<String, List<String>> form, String requestBody, int status,
                    String contentType, String responseBody) {

        @SuppressWarnings("unchecked")
        static Cassette read(Path file) {
            Map<String, Object> doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(SharedFixtures.read(file));
            Map<String, Object> first = ((List<Map<String, Object>>) doc.get("interactions")).get(0);
            Map<String, Object> req = (Map<String, Object>) first.get("request");
            Map<String, Object> res = (Map<String, Object>) first.get("response");
            Map<String, List<String>> headers = (Map<String, List<String>>) res.get("headers");
            String type = headers.getOrDefault("Content-Type", List.of("application/json")).get(0);
            Map<String, List<String>> form = req.get("form") == null ? Map.of() : (Map<String, List<String>>) req.get("form");
            return new Cassette(file.getFileName().toString().replace(".yaml", ""), (String) req.get("url"), form,
                    (String) req.get("body"), ((Number) res.get("code")).intValue(), type, (String) res.get("body"));
        }

        /** {@code chat/completions}, {@code completions} or {@code embeddings}. */
        String operationPath() {
            for (String op : List.of("chat/completions", "completions", "embeddings")) {
                if (url.endsWith("/" + op)) {
                    return op;
                }
            }
            throw new IllegalStateException(url);
        }
    }

    private static Path root() {
        String env = System.getenv("GATEWAY_SHARED_DATA");
        if (env != null && !env.isBlank() && Files.isDirectory(Path.of(env))) {
            return Path.of(env);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("gateway-app"))) {
                Path shared = dir.resolveSibling("shared").resolve("data");
                return Files.isDirectory(shared) ? shared : null;
            }
        }
        return null;
    }
}
