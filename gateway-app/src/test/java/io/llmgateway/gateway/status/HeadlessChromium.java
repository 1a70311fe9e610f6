package io.llmgateway.gateway.status;

import static org.awaitility.Awaitility.await;

import io.llmgateway.adapter.schema.WireJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;

/** Debian's Chromium, headless, with the DevTools protocol on a port it picks and reports in DevToolsActivePort. */
final class HeadlessChromium implements AutoCloseable {

    private final Process process;
    private final int port;

    private HeadlessChromium(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static HeadlessChromium start(Path binary, Path profileDir) throws IOException {
        Process p = new ProcessBuilder(List.of(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-dev-shm-usage", "--window-size=1400,1800", "--remote-debugging-port=0",
                "--user-data-dir=" + profileDir, "about:blank"))
                .redirectErrorStream(true).redirectOutput(profileDir.resolveSibling("chromium.log").toFile()).start();
        Path portFile = profileDir.resolve("DevToolsActivePort");
        await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(portFile) && !Files.readAllLines(portFile).isEmpty());
        int port = Integer.parseInt(Files.readAllLines(portFile).get(0).strip());
        return new HeadlessChromium(p, port);
    }

    /** DevTools connection to the first page target. */
    DevTools page() throws IOException, InterruptedException {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/json/list")).GET().build(), HttpResponse.BodyHandlers.ofString());
        for (JsonNode target : WireJson.MAPPER.readTree(r.body())) {
            if ("page".equals(target.path("type").asString())) {
                return DevTools.connect(target.path("webSocketDebuggerUrl").asString());
            }
        }
        throw new IllegalStateException("no page target in " + r.body());
    }

    @Override
    public void close() throws InterruptedException {
        // Chromium's helper processes (renderer, GPU, crashpad) write into the profile too: listed before the
        // browser goes (then they are no longer its descendants) and waited for, so the temp dir can be deleted
        List<ProcessHandle> helpers = process.descendants().toList();
        process.destroy();
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        for (ProcessHandle h : helpers) {
            h.destroy();
            try {
                h.onExit().get(10, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                h.destroyForcibly();
            }
        }
    }
}
