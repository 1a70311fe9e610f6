package io.llmgateway.gateway.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.llmgateway.adapter.schema.WireJson;
import io.llmgateway.gateway.observe.ExternalTool;
import io.llmgateway.gateway.observe.SimulatedFleet;
import io.llmgateway.gateway.observe.TrafficDriver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The status page in headless Chromium (DevTools protocol): it loads, lists every deployment of the
 * policy and the policy version, its request counter moves under traffic, the charts draw, no script
 * fails; a screenshot goes to target/status-page.png.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StatusPageBrowserTest {

    static final SimulatedFleet FLEET = new SimulatedFleet();
    static Path chromium;

    @BeforeAll
    static void binary() {
        chromium = ExternalTool.require("chromium", "/usr/bin/chromium", "/usr/bin/chromium-browser");
    }

    @DynamicPropertySource
    static void policy(DynamicPropertyRegistry r) {
        r.add("gateway.policy", FLEET::policyFile);
    }

    @AfterAll
    static void stop() {
        FLEET.close();
    }

    @LocalServerPort
    int port;

    @Test
    void showsBackendsAndUpdatesUnderTraffic(@TempDir Path dir) throws Exception {
        TrafficDriver driver = new TrafficDriver(port);
        String version = WireJson.MAPPER.readTree(driver.get("/status/feed", null)).path("policy").path("version").asString();
        try (HeadlessChromium browser = HeadlessChromium.start(chromium, dir.resolve("profile"));
             DevTools page = browser.page()) {
            page.send("Runtime.enable", Map.of());
            page.send("Page.enable", Map.of());
            page.send("Page.navigate", Map.of("url", "http://127.0.0.1:" + port + "/"));
            await().atMost(Duration.ofSeconds(30)).until(() -> page.eval("document.querySelectorAll('#backends tbody tr').length").asInt() == 5);
            assertThat(page.eval("document.title").asString()).isEqualTo("LLM gateway status");
            assertThat(page.eval("document.getElementById('policy-version').textContent").asString()).isEqualTo(version);
            assertThat(page.eval("[...document.querySelectorAll('#backends tbody tr')].map(r => r.dataset.deployment).join(',')")
                    .asString()).contains("qwen72-a100", "qwen7-a10", "gpt-4o-api", "flaky-a10");
            long before = requests(page);

            for (int i = 0; i < 3; i++) {
                driver.mix();
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> requests(page) >= before + 24
                    && page.eval("document.querySelectorAll('#decisions tbody tr').length").asInt() > 0
                    && page.eval("document.querySelectorAll('#chart-rate polyline').length").asInt() > 0);
            assertThat(page.eval("document.querySelector('#backends tr[data-deployment=\"qwen7-a10\"] .dot').className").asString())
                    .isEqualTo("dot up");
            assertThat(page.eval("document.getElementById('feed-state').textContent").asString()).isEqualTo("live");
            assertThat(page.eval("document.querySelectorAll('#chart-cost rect').length").asInt()).isGreaterThan(0);
            assertThat(page.exceptions()).isEmpty();

            String png = page.send("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true)).path("data").asString();
            Path shot = Path.of("target", "status-page.png");
            Files.createDirectories(shot.getParent());
            Files.write(shot, Base64.getDecoder().decode(png));
            assertThat(Files.size(shot)).isGreaterThan(10_000);
        }
    }

    private static long requests(DevTools page) {
        return Long.parseLong(page.eval("document.getElementById('total-requests').textContent").asString().replace(",", ""));
    }
}
