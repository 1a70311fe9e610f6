package io.llmgateway.gateway.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code policy simulate} on the real Azure and Mooncake traces with the comparison policies of
 * deploy/policies/simulate and the example policy ({@code --limit} keeps it short). Skipped when
 * {@code ../shared/data} is absent ({@code GATEWAY_SHARED_DATA}, else beside the repository root).
 */
class PolicySimulateTracesTest {

    static final String[] POLICIES = {"simulate/all-closed-api.yaml", "simulate/all-private.yaml",
            "simulate/round-robin.yaml", "private-cloud.yaml"};

    @TempDir
    Path dir;

    JsonNode simulate(String trace, String... extra) throws IOException {
        Optional<Path> data = sharedData();
        assumeTrue(data.isPresent(), "../shared/data is absent");
        Path traceFile = data.get().resolve(trace);
        assumeTrue(Files.isRegularFile(traceFile), trace + " is absent");
        Path json = dir.resolve("out.json");
        List<String> args = new ArrayList<>(List.of("policy", "simulate", policy(0), "--compare",
                policy(1), policy(2), policy(3), "--trace", traceFile.toString(), "--out", json.toString()));
        args.addAll(List.of(extra));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Cli.run(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).as(out + "\n" + err).isZero();
        return JsonMapper.builder().build().readTree(Files.readString(json));
    }

    @Test
    void theCodeTraceStaysPrivateAndAllClosedApiCanServeNoneOfIt() throws IOException {
        JsonNode r = simulate("traces/azure2023/AzureLLMInferenceTrace_code.csv", "--limit", "1500");
        assertThat(r).hasSize(4);
        assertThat(r.get(0).get("refused").get("data_class_zone").asInt()).isEqualTo(1500);
        for (int i = 1; i < 4; i++) {
            assertThat(r.get(i).get("requests").asInt()).isEqualTo(1500);
            assertThat(r.get(i).get("served").asInt()).isPositive();
            assertThat(r.get(i).get("share_by_zone").has("external")).isFalse();
            assertThat(r.get(i).get("cost_usd").get("api_tokens").asDouble()).isZero();
            assertThat(r.get(i).get("cost_usd").get("gpu_provisioned").asDouble()).isPositive();
        }
    }

    @Test
    void theConversationTraceSpreadsOverBothZonesUnderRoundRobin() throws IOException {
        JsonNode r = simulate("traces/azure2023/AzureLLMInferenceTrace_conv.csv", "--limit", "2000");
        int sensitive = r.get(0).get("refused").get("data_class_zone").asInt();
        assertThat(sensitive).isBetween(300, 500); // 20% carry a card number: confidential, no private backend
        assertThat(r.get(0).get("share_by_zone").get("external").asDouble()).isEqualTo(1.0);
        assertThat(r.get(1).get("share_by_zone").get("private").asDouble()).isEqualTo(1.0);
        assertThat(r.get(2).get("share_by_zone").get("external").asDouble()).isBetween(0.2, 0.8);
        assertThat(r.get(3).get("served").asInt()).isPositive();
    }

    @Test
    void theMooncakeTraceReplaysToo() throws IOException {
        JsonNode r = simulate("traces/mooncake/conversation_trace.jsonl", "--limit", "300", "--model", "chat-large");
        assertThat(r.get(3).get("requests").asInt()).isEqualTo(300);
        assertThat(r.get(3).get("served").asInt() + r.get(3).get("refused_total").asInt()).isEqualTo(300);
    }

    static String policy(int i) {
        return repoRoot().resolve("deploy/policies").resolve(POLICIES[i]).toString();
    }

    static Path repoRoot() {
        Path d = Path.of("").toAbsolutePath();
        while (d != null && !(Files.isDirectory(d.resolve("routing-policy")) && Files.exists(d.resolve("pom.xml")))) {
            d = d.getParent();
        }
        return d == null ? Path.of("..") : d;
    }

    static Optional<Path> sharedData() {
        String env = System.getenv("GATEWAY_SHARED_DATA");
        if (env != null && Files.isDirectory(Path.of(env, "traces"))) {
            return Optional.of(Path.of(env));
        }
        Path data = repoRoot().resolve("../shared/data").normalize();
        return Files.isDirectory(data.resolve("traces")) ? Optional.of(data) : Optional.empty();
    }
}
