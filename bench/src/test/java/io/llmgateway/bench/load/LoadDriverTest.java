package io.llmgateway.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.llmgateway.sim.SimNode;
import io.llmgateway.sim.SimNodeConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The load driver against an in-process simulator node (time compressed 20x): both loops, streaming and not,
 * count what they send, measure TTFT and inter-token latency, and write a report the summary can read.
 * Checks counts and shapes only, never timings.
 */
class LoadDriverTest {

    private static SimNode node;

    @BeforeAll
    static void start() {
        node = SimNode.start(SimNodeConfig.builder().id("bench-test").profile("a10").models("bench-model").speed(20).build());
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    private static LoadOptions options(String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("--url", node.baseUrl(), "--model", "bench-model",
                "--max-prompt-tokens", "200", "--max-output-tokens", "12", "--drain", "20s", "--timeout", "20s",
                "--label", "direct", "--watch", "self=" + ProcessHandle.current().pid()));
        args.addAll(List.of(extra));
        return LoadOptions.parse(args.toArray(String[]::new));
    }

    private static List<TraceSample> trace(LoadOptions o) {
        return TraceSamples.draw(o.trace(), o.maxPromptTokens(), o.maxOutputTokens(), o.seed());
    }

    @Test
    void closedLoopStreamsMeasureTokensAndStopAtTheRequestCount() {
        LoadOptions o = options("--mode", "closed", "--concurrency", "4", "--duration", "20s", "--max-requests", "12", "--stream");
        ObjectNode r = LoadDriver.run(o, trace(o));

        assertThat(r.path("requests").path("errors").asLong()).isZero();
        assertThat(r.path("requests").path("ok").asLong()).isBetween(12L, 12L + 4);
        assertThat(r.path("latency_ms").path("e2e").path("count").asLong()).isEqualTo(r.path("requests").path("ok").asLong());
        assertThat(r.path("latency_ms").path("ttft").path("count").asLong()).isEqualTo(r.path("requests").path("ok").asLong());
        assertThat(r.path("latency_ms").path("itl").path("count").asLong()).isPositive();
        assertThat(r.path("output_tokens_per_s").asDouble()).isPositive();
        assertThat(r.path("processes").path("self").path("rss_mb_end").asDouble()).isPositive();
        assertThat(r.path("processes").path("driver").path("series").size()).isPositive();
    }

    @Test
    void openLoopSendsAtTheRateAndReportsMarkdown() {
        LoadOptions o = options("--mode", "open", "--rate", "40", "--duration", "1s", "--trace", "fixed:64:4");
        ObjectNode r = LoadDriver.run(o, trace(o));

        assertThat(r.path("requests").path("sent").asLong()).isEqualTo(40);
        assertThat(r.path("requests").path("ok").asLong()).isEqualTo(40);
        assertThat(r.path("latency_ms").path("ttft").path("count").asLong()).isZero();
        assertThat(ReportMarkdown.single(r)).contains("| direct | open 40/s | 40 | 0 |");
    }

    @Test
    void aPairedRunSendsEveryRequestToBothTargetsAndReportsEachHalf(@TempDir Path dir) throws Exception {
        // the second "target" is a second simulator node, so the halves can be told apart by what each received
        try (SimNode other = SimNode.start(SimNodeConfig.builder().id("bench-base").profile("a10").models("base-model").speed(20).build())) {
            LoadOptions o = options("--mode", "open", "--rate", "20", "--duration", "1s", "--trace", "fixed:32:3", "--stream",
                    "--out", dir.resolve("paired-stream-gateway.json").toString(),
                    "--baseline-url", other.baseUrl(), "--baseline-model", "base-model", "--baseline-label", "direct, paired with gateway",
                    "--baseline-out", dir.resolve("paired-stream-direct-vs-gateway.json").toString());
            LoadDriver.Reports reports = LoadDriver.runWithBaseline(o, trace(o));
            LoadReport.write(reports.main(), o.out());
            LoadReport.write(reports.baseline(), o.baseline().out());

            for (ObjectNode r : List.of(reports.main(), reports.baseline())) {
                assertThat(r.path("requests").path("sent").asLong()).isEqualTo(20);
                assertThat(r.path("requests").path("ok").asLong()).isEqualTo(20);
                assertThat(r.path("latency_ms").path("ttft").path("count").asLong()).isEqualTo(20);
            }
            assertThat(reports.baseline().path("label").asString()).isEqualTo("direct, paired with gateway");
            assertThat(reports.baseline().path("model").asString()).isEqualTo("base-model");
            assertThat(reports.baseline().path("processes").size()).isZero();
            assertThat(reports.main().path("paired_with").asString()).isEqualTo("direct, paired with gateway");
            assertThat(reports.main().path("processes").path("self").isMissingNode()).isFalse();
            assertThat(other.metrics().requestsReceived()).isEqualTo(20);

            String md = BenchSummary.render(dir);
            assertThat(md).contains("Added latency, interleaved with direct").contains("| gateway | stream | 20");
        }
    }

    @Test
    void aBaselineNeedsTheOpenLoop() {
        assertThatThrownBy(() -> options("--mode", "closed", "--baseline-url", node.baseUrl()))
                .hasMessageContaining("--baseline-url applies to --mode open only");
        assertThatThrownBy(() -> options("--mode", "open", "--rate", "5", "--baseline-model", "m"))
                .hasMessageContaining("need --baseline-url");
        assertThatThrownBy(() -> options("--mode", "open", "--rate", "5", "--baseline-url", "http://10.1.2.3:8080/v1"))
                .hasMessageContaining("--baseline-url must be a loopback address");
    }

    @Test
    void httpErrorsAreCountedByStatus() {
        node.faults().update(f -> f.errorRate(1.0));
        try {
            LoadOptions o = options("--mode", "open", "--rate", "20", "--duration", "500ms", "--trace", "fixed:16:2");
            ObjectNode r = LoadDriver.run(o, trace(o));
            assertThat(r.path("requests").path("ok").asLong()).isZero();
            assertThat(r.path("requests").path("error_kinds").path("http_500").asLong()).isEqualTo(10);
        } finally {
            node.faults().clear();
        }
    }

    @Test
    void reportsRoundTripIntoTheSummary(@TempDir Path dir) throws Exception {
        LoadOptions o = options("--mode", "open", "--rate", "20", "--duration", "500ms", "--trace", "fixed:32:3",
                "--out", dir.resolve("latency-direct.json").toString());
        LoadReport.write(LoadDriver.run(o, trace(o)), o.out());

        assertThat(dir.resolve("latency-direct.md")).exists();
        JsonNode back = LoadReport.read(dir.resolve("latency-direct.json"));
        assertThat(back.path("requests").path("ok").asLong()).isEqualTo(10);
        String md = BenchSummary.render(dir);
        assertThat(md).contains("Added latency at a fixed moderate rate").contains("| direct | non-stream |");
        assertThat(Files.readString(dir.resolve("latency-direct.md"))).contains("| direct |");
    }

    @Test
    void traceSamplesComeFromTheSharedTracesAndAreCapped() {
        List<TraceSample> azure = TraceSamples.draw("azure-conv", 512, 64, 1);
        List<TraceSample> mooncake = TraceSamples.draw("mooncake-conv", 4096, 128, 1);

        assertThat(azure).hasSize(TraceSamples.DRAWN).allSatisfy(s -> {
            assertThat(s.promptTokens()).isBetween(1, 512);
            assertThat(s.outputTokens()).isBetween(1, 64);
        });
        assertThat(azure).anySatisfy(s -> assertThat(s.tracePrompt()).isGreaterThan(512));
        assertThat(mooncake).allSatisfy(s -> assertThat(s.promptTokens()).isBetween(1, 4096));
        assertThat(TraceSamples.draw("azure-conv", 512, 64, 1)).isEqualTo(azure);
    }

    @Test
    void badCommandLinesNameTheOptionAndTheValue() {
        assertThatThrownBy(() -> LoadOptions.parse(new String[] {"--url", "http://10.1.2.3:8080/v1", "--model", "m"}))
                .hasMessageContaining("loopback");
        assertThatThrownBy(() -> LoadOptions.parse(new String[] {"--url", "http://127.0.0.1:1/v1", "--model", "m", "--mode", "open"}))
                .hasMessageContaining("--rate is required");
        assertThatThrownBy(() -> LoadOptions.parse(new String[] {"--url", "http://127.0.0.1:1/v1", "--model", "m", "--duration", "5 minutes"}))
                .hasMessageContaining("--duration").hasMessageContaining("5 minutes");
        assertThatThrownBy(() -> LoadOptions.parse(new String[] {"--url", "http://127.0.0.1:1/v1", "--model", "m", "--duration", "2h"}))
                .hasMessageContaining("1h");
        assertThatThrownBy(() -> LoadOptions.parse(new String[] {"--url", "http://127.0.0.1:1/v1", "--model", "m", "--frobnicate", "1"}))
                .hasMessageContaining("--frobnicate");
    }
}
