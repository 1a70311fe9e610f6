package io.llmgateway.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.llmgateway.adapter.WireAdapters;
import io.llmgateway.gateway.GatewayApplication;
import io.llmgateway.gateway.support.PolicyFiles;
import io.llmgateway.policy.PolicyException;
import io.llmgateway.policy.PolicyLoader;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** A policy that cannot work is refused at start, with the file, the path inside it and the bad value. */
class PolicyStartupTest {

    @Test
    void theGatewayRefusesToStartWithAnInvalidPolicy() {
        Path file = PolicyFiles.write("""
                deployments:
                  - id: d1
                    pool: a10
                    zone: private
                    api: openai
                    url: not-a-url
                    model: m
                models:
                  chat: [d1, d2]
                """);
        assertThatThrownBy(() -> new SpringApplicationBuilder(GatewayApplication.class)
                .run("--server.port=0", "--gateway.policy=" + file))
                .hasRootCauseInstanceOf(PolicyException.class)
                .rootCause()
                .hasMessageContaining(file + ":6: deployments[0].url: must be an absolute http(s) URL with a host, got 'not-a-url'")
                .hasMessageContaining(file + ":9: models.chat[1]: unknown deployment 'd2'");
    }

    @Test
    void aDeploymentWithAnUnknownApiOrAnUnsetKeyVariableIsRefused() {
        var policy = PolicyLoader.parse("ops.yaml", """
                deployments:
                  - {id: a, pool: p, zone: private, api: grpc-magic, url: "http://h/v1", model: m}
                  - {id: b, pool: p, zone: external, api: openai, url: "https://api.example.com/v1", model: m, api-key-env: NO_SUCH_VAR_X}
                models: {m: [a, b]}
                """);
        RoutingStateCompiler compiler = new RoutingStateCompiler(WireAdapters.standard(), Map.<String, String>of()::get);
        assertThatThrownBy(() -> compiler.compile(policy))
                .isInstanceOf(PolicyException.class)
                .hasMessageContaining("ops.yaml: deployments[0].api: unknown api 'grpc-magic'")
                .hasMessageContaining("ops.yaml: deployments[1].api-key-env: environment variable NO_SUCH_VAR_X is not set");
    }

    @Test
    void badAdapterOptionsAreRefusedAtLoad() {
        var policy = PolicyLoader.parse("ops.yaml", """
                deployments:
                  - {id: az, pool: azure, zone: external, api: azure-openai, url: "https://res.openai.azure.com/openai/deployments/gpt4o", model: gpt-4o}
                models: {m: [az]}
                """);
        RoutingStateCompiler compiler = new RoutingStateCompiler(WireAdapters.standard(), Map.<String, String>of()::get);
        assertThatThrownBy(() -> compiler.compile(policy))
                .isInstanceOf(PolicyException.class)
                .hasMessageContaining("ops.yaml: deployments[0].options:")
                .hasMessageContaining("api-version");
    }

    @Test
    void keysComeFromTheEnvironmentAndAreNeverPrinted() {
        var policy = PolicyLoader.parse("ops.yaml", """
                deployments:
                  - {id: b, pool: p, zone: external, api: openai, url: "https://api.example.com/v1", model: m, api-key-env: OPENAI_KEY}
                models: {m: [b]}
                """);
        RoutingState state = new RoutingStateCompiler(WireAdapters.standard(), Map.of("OPENAI_KEY", "sk-live-secret")::get).compile(policy);
        assertThat(state.deployment("b").target().apiKey()).isEqualTo("sk-live-secret");
        assertThat(state.deployment("b").target().toString()).doesNotContain("sk-live-secret");
    }
}
