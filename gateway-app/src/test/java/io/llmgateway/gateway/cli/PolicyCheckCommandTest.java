package io.llmgateway.gateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmgateway.gateway.support.PolicyFiles;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code policy check FILE}: exit 0 with warnings printed, 1 with every problem, 2 on wrong usage; other args start the server. */
class PolicyCheckCommandTest {

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    int run(String... args) {
        return Cli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theExamplePolicyPassesWithItsWarningsPrinted() {
        Path example = Path.of("../deploy/policies/private-cloud.yaml");
        assertThat(run("policy", "check", example.toString())).isZero();
        assertThat(out()).contains("OK " + example).contains("7 deployments").contains("warning: ").contains("VLLM_KEY");
        assertThat(run("policy", "check", "--strict", example.toString())).isEqualTo(1);
    }

    @Test
    void aLeakingPolicyIsRefusedWithEveryProblem() {
        Path file = PolicyFiles.write("""
                deployments:
                  - {id: p, pool: a10, zone: private, api: openai, url: "http://h/v1", model: m}
                  - {id: x, pool: openai, zone: external, api: grpc, url: "https://x/v1", model: m}
                models: {m: [p, x]}
                rules:
                  - name: sensitive
                    when: {data-class: {at-least: confidential}}
                    route: {deployments: [p], fallback: [x]}
                """);
        assertThat(run("policy", "check", file.toString())).isEqualTo(1);
        assertThat(out()).contains("error: " + file + ":8: rules[0].route.fallback[0]: deployment 'x' is in zone external")
                .contains("REFUSED " + file);
    }

    @Test
    void anUnknownApiIsAProblemToo() {
        Path file = PolicyFiles.write("""
                deployments:
                  - {id: x, pool: p, zone: private, api: grpc, url: "https://x/v1", model: m}
                models: {m: [x]}
                """);
        assertThat(run("policy", "check", file.toString())).isEqualTo(1);
        assertThat(out()).contains("deployments[0].api: unknown api 'grpc'");
    }

    @Test
    void usageErrorsAndNonCommands() {
        assertThat(run("policy", "check")).isEqualTo(2);
        assertThat(run("policy", "frobnicate")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("policy check [--strict] FILE");
        assertThat(run("policy", "check", "/no/such/file.yaml")).isEqualTo(1);
        assertThat(run()).isEqualTo(-1);
        assertThat(run("--gateway.policy=x.yaml")).isEqualTo(-1);
    }
}
