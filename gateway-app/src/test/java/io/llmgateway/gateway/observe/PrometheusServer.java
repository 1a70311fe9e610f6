package io.llmgateway.gateway.observe;

import static org.awaitility.Awaitility.await;

import io.llmgateway.adapter.schema.WireJson;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;

/** A real Prometheus process scraping the gateway every second and evaluating the given rule files. */
final class PrometheusServer implements AutoCloseable {

    private final Process process;
    private final int port;
    private final HttpClient http = HttpClient.newHttpClient();

    private PrometheusServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static PrometheusServer start(Path binary, Path dir, int gatewayPort, List<Path> ruleFiles) throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        StringBuilder rules = new StringBuilder();
        ruleFiles.forEach(f -> rules.append("  - ").append(f.toAbsolutePath()).append('\n'));
        Path config = dir.resolve("prometheus.yml");
        Files.writeString(config, """
                global:
                  scrape_interval: 1s
                  evaluation_interval: 1s
                rule_files:
                %s
                scrape_configs:
                  - job_name: llm-gateway
                    metrics_path: /actuator/prometheus
                    static_configs:
                      - targets: ['127.0.0.1:%d']
                """.formatted(rules, gatewayPort));
        Process p = new ProcessBuilder(binary.toString(), "--config.file=" + config, "--storage.tsdb.path=" + dir.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port, "--log.level=warn")
                .redirectErrorStream(true).redirectOutput(dir.resolve("prometheus.log").toFile()).start();
        PrometheusServer server = new PrometheusServer(p, port);
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> server.get("/-/ready").statusCode() == 200);
        return server;
    }

    /** The result of an instant query; throws if Prometheus rejects the expression. */
    JsonNode query(String expr) {
        HttpResponse<String> r = get("/api/v1/query?query=" + URLEncoder.encode(expr, StandardCharsets.UTF_8));
        JsonNode body = WireJson.MAPPER.readTree(r.body());
        if (!"success".equals(body.path("status").asString())) {
            throw new IllegalArgumentException("Prometheus rejected '" + expr + "': " + body.path("error").asString());
        }
        return body.path("data");
    }

    /** Whether the query returns at least one sample with a number (not NaN). */
    boolean hasData(String expr) {
        JsonNode data = query(expr);
        JsonNode result = data.path("result");
        if ("scalar".equals(data.path("resultType").asString())) {
            return isNumber(result.get(1).asString());
        }
        for (JsonNode sample : result) {
            if (isNumber(sample.path("value").get(1).asString())) {
                return true;
            }
        }
        return false;
    }

    /** The scrape's health and last error (e.g. a metric Prometheus refuses), for failure messages. */
    String scrapeState() {
        JsonNode t = WireJson.MAPPER.readTree(get("/api/v1/targets").body()).path("data").path("activeTargets").path(0);
        return t.path("health").asString() + " " + t.path("lastError").asString();
    }

    JsonNode rules() {
        return WireJson.MAPPER.readTree(get("/api/v1/rules").body()).path("data");
    }

    private static boolean isNumber(String v) {
        return !v.equals("NaN") && !v.endsWith("Inf");
    }

    private HttpResponse<String> get(String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(20))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
