package io.llmgateway.gateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmgateway.gateway.support.PolicyFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code policy simulate}: usage errors exit 2, a refused policy 1, a small inline trace runs side by side. */
class PolicySimulateCommandTest {

    static final String POLICY = """
            pools:
              - {id: a10, zone: private, gpu: A10-24G, gpu-hour-cost: 1.0}
              - {id: openai, zone: external}
            sensitivity:
              findings: {financial: confidential}
            deployments:
              - {id: small, pool: a10, api: openai, url: "http://10.0.0.1/v1", model: m, max-concurrency: 8}
              - {id: mini, pool: openai, api: openai, url: "https://api.openai.com/v1", model: m, price: {input-per-1m: 0.15, output-per-1m: 0.6}}
            models:
              chat: [%s]
            apps:
              - {id: support-bot, key: sk-test-123456}
            """;

    @TempDir
    Path dir;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    int run(String... args) {
        return Cli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    Path trace() throws IOException {
        StringBuilder sb = new StringBuilder("TIMESTAMP,ContextTokens,GeneratedTokens\n");
        for (int i = 0; i < 60; i++) {
            sb.append("2023-11-16 18:17:").append(String.format("%02d", i)).append(".5000000,").append(300 + i * 10).append(",40\n");
        }
        return Files.writeString(dir.resolve("conv.csv"), sb.toString());
    }

    @Test
    void wrongUsageExitsTwoWithTheProblem() throws IOException {
        String policy = PolicyFiles.write(POLICY.formatted("small")).toString();
        String trace = trace().toString();
        String[][] cases = {
                {"policy", "simulate"},
                {"policy", "simulate", policy},
                {"policy", "simulate", policy, "--trace", trace, "--limit", "0"},
                {"policy", "simulate", policy, "--trace", trace, "--time-scale", "1000"},
                {"policy", "simulate", policy, "--trace", trace, "--sensitive-share", "1.5"},
                {"policy", "simulate", policy, "--trace", trace, "--slo-ttft", "soon"},
                {"policy", "simulate", policy, "--trace", trace, "--bogus"},
                {"policy", "simulate", policy, "--trace", trace, "--out", "x.txt"},
                {"policy", "simulate", policy, "--trace", dir.resolve("missing.csv").toString()},
                {"policy", "simulate", policy, "--trace", trace, "--app", "nobody"},
                {"policy", "simulate", "--compare", policy, "--trace", trace},
        };
        for (String[] c : cases) {
            err.reset();
            assertThat(run(c)).as(String.join(" ", c)).isEqualTo(2);
            assertThat(err.toString(StandardCharsets.UTF_8)).as(String.join(" ", c)).contains("usage: java -jar gateway-app.jar policy simulate");
        }
        err.reset();
        run("policy", "simulate", policy, "--trace", trace, "--limit", "0");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--limit: expected a number within 1..10000000, got '0'");
    }

    @Test
    void aRefusedPolicyExitsOneWithItsProblems() throws IOException {
        Path bad = PolicyFiles.write(POLICY.formatted("nowhere"));
        assertThat(run("policy", "simulate", bad.toString(), "--trace", trace().toString())).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("error: " + bad).contains("unknown deployment 'nowhere'")
                .contains("REFUSED " + bad);
    }

    @Test
    void comparesPoliciesSideBySideAndWritesJson() throws IOException {
        Path privateOnly = PolicyFiles.write(POLICY.formatted("small"));
        Path apiOnly = PolicyFiles.write(POLICY.formatted("mini"));
        Path json = dir.resolve("result.json");
        int code = run("policy", "simulate", privateOnly.toString(), "--compare", apiOnly.toString(), "--trace", trace().toString(),
                "--model", "chat", "--sensitive-share", "0.5", "--slo-ttft", "1s", "--limit", "50", "--out", json.toString());
        String md = out.toString(StandardCharsets.UTF_8);
        assertThat(code).as(md + err).isZero();
        assertThat(md).contains("| | " + privateOnly.getFileName() + " | " + apiOnly.getFileName() + " |")
                .contains("| requests | 50 | 50 |")
                .contains("| share zone private | 100.0% | 0.0% |")
                .contains("SLO: TTFT 1000 ms, total 60000 ms for every request")
                .contains("wrote " + json);
        JsonNode results = JsonMapper.builder().build().readTree(Files.readString(json));
        assertThat(results).hasSize(2);
        assertThat(results.get(0).get("served").asInt()).isEqualTo(50);
        JsonNode api = results.get(1);
        assertThat(api.get("refused").get("data_class_zone").asInt()).isEqualTo(50 - api.get("served").asInt()).isPositive();
        assertThat(api.get("cost_usd").get("api_tokens").asDouble()).isPositive();
        assertThat(api.get("cost_usd").get("gpu_provisioned").asDouble()).isZero();
    }

    @Test
    void theGroupHelpListsSimulate() {
        assertThat(run("policy", "--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("policy simulate FILE --trace CSV|JSONL");
    }
}
