package io.llmgateway.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PolicyLoaderTest {

    static final String MINIMAL = """
            deployments:
              - id: qwen-7b-a10          # unique id
                pool: a10                # GPU pool or provider group
                zone: private            # private | external
                api: openai              # wire API of the upstream (openai-compatible here)
                url: http://127.0.0.1:9001/v1
                model: Qwen2.5-7B-Instruct   # model name sent upstream
                api-key-env: UPSTREAM_KEY    # optional: env var holding the upstream key
            models:
              chat-small: [qwen-7b-a10]  # alias the clients ask for -> candidate deployments, in order
            apps:
              - id: demo-app
                key: sk-demo-123
                models: [chat-small]     # optional allow-list
            """;

    @Test
    void acceptsTheMinimalFormAsIs() {
        Policy p = PolicyLoader.parse("policy.yaml", MINIMAL);
        Deployment d = p.deployments().get("qwen-7b-a10");
        assertThat(d.pool()).isEqualTo("a10");
        assertThat(d.zone()).isEqualTo(Zone.PRIVATE);
        assertThat(d.url().toString()).isEqualTo("http://127.0.0.1:9001/v1");
        assertThat(d.model()).isEqualTo("Qwen2.5-7B-Instruct");
        assertThat(d.apiKeyEnv()).isEqualTo("UPSTREAM_KEY");
        assertThat(d.timeouts()).isEqualTo(Timeouts.DEFAULTS);
        assertThat(p.models()).containsEntry("chat-small", java.util.List.of("qwen-7b-a10"));
        App app = p.apps().get("demo-app");
        assertThat(app.keyHashes()).containsExactly(KeyHash.sha256Hex("sk-demo-123"));
        assertThat(app.mayUse("chat-small")).isTrue();
        assertThat(app.mayUse("other")).isFalse();
        assertThat(p.version()).hasSize(12);
    }

    @Test
    void hashedKeysTimeoutsAndKeyRotation() {
        String hash = KeyHash.sha256Hex("sk-prod-secret-1");
        Policy p = PolicyLoader.parse("p.yaml", """
                deployments:
                  - {id: d1, pool: a100, zone: private, api: openai, url: "https://gpu.internal:8443/v1/", model: m,
                     timeouts: {connect: 2s, first-token: 1500ms, idle: 20s, total: 5m}}
                models: {m: d1}
                apps:
                  - id: a
                    keys: ["sha256:%s", sk-next-key-2]
                """.formatted(hash.toUpperCase()));
        Deployment d = p.deployments().get("d1");
        assertThat(d.url().toString()).isEqualTo("https://gpu.internal:8443/v1");
        assertThat(d.timeouts().firstToken()).isEqualTo(Duration.ofMillis(1500));
        assertThat(d.timeouts().total()).isEqualTo(Duration.ofMinutes(5));
        assertThat(p.apps().get("a").keyHashes()).containsExactly(hash, KeyHash.sha256Hex("sk-next-key-2"));
        assertThat(p.apps().get("a").mayUse("m")).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown field           | deployments[0].colour: unknown field 'colour'           | 'colour: red'
            bad url                 | deployments[0].url: must be an absolute http(s) URL with a host, got 'localhost:9001' | 'url: localhost:9001'
            bad zone                | deployments[0].zone: must be 'private' or 'external', got 'dmz' | 'zone: dmz'
            bad timeout             | deployments[0].timeouts.total: expected a duration like 500ms, 5s, 2m or 1h, got 'soon' | 'timeouts: {total: soon}'
            """)
    void refusesABadDeploymentNamingFilePathAndValue(String name, String expected, String extraLine) {
        String yaml = """
                deployments:
                  - id: d1
                    pool: a10
                    zone: private
                    api: openai
                    url: http://127.0.0.1:9001/v1
                    model: m
                    %s
                models: {m: [d1]}
                """.formatted(extraLine);
        // the extra line overrides an earlier key where it repeats one; duplicate keys are problems too
        assertThatThrownBy(() -> PolicyLoader.parse("ops/policy.yaml", yaml))
                .isInstanceOf(PolicyException.class)
                .hasMessageContaining("ops/policy.yaml:")
                .hasMessageContaining(expected);
    }

    @Test
    void refusesDuplicateIdsUnknownDeploymentsAndUnknownAliasesAllAtOnce() {
        String yaml = """
                deployments:
                  - {id: d1, pool: a10, zone: private, api: openai, url: "http://h:1/v1", model: m}
                  - {id: d1, pool: a10, zone: private, api: openai, url: "http://h:2/v1", model: m}
                models:
                  chat: [d1, d9]
                apps:
                  - {id: a, key: sk-aaaaaaaa, models: [nope]}
                  - {id: a, key: sk-bbbbbbbb}
                """;
        assertThatThrownBy(() -> PolicyLoader.parse("p.yaml", yaml))
                .isInstanceOf(PolicyException.class)
                .satisfies(e -> assertThat(((PolicyException) e).problems()).hasSize(4))
                .hasMessageContaining("p.yaml:3: deployments[1]: duplicate deployment id 'd1'")
                .hasMessageContaining("p.yaml:5: models.chat[1]: unknown deployment 'd9'")
                .hasMessageContaining("apps[0]: models: unknown alias [nope]")
                .hasMessageContaining("apps[1]: duplicate app id 'a'");
    }

    @Test
    void neverEchoesAPlainKeyInAnError() {
        String yaml = """
                deployments: [{id: d1, pool: a10, zone: private, api: openai, url: "http://h:1/v1", model: m}]
                models: {m: [d1]}
                apps: [{id: a, key: short}]
                """;
        assertThatThrownBy(() -> PolicyLoader.parse("p.yaml", yaml))
                .hasMessageContaining("apps[0].key: a plain key must be at least 8 characters")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("short"));
    }

    @Test
    void refusesTwoAppsSharingAKey() {
        String yaml = """
                deployments: [{id: d1, pool: a10, zone: private, api: openai, url: "http://h:1/v1", model: m}]
                models: {m: [d1]}
                apps: [{id: a, key: sk-same-key}, {id: b, key: sk-same-key}]
                """;
        assertThatThrownBy(() -> PolicyLoader.parse("p.yaml", yaml)).hasMessageContaining("reuses a key of app 'a'");
    }

    @Test
    void refusesMissingSectionsEmptyFilesAndBrokenYaml() {
        assertThatThrownBy(() -> PolicyLoader.parse("p.yaml", "")).hasMessageContaining("p.yaml: the policy file is empty");
        assertThatThrownBy(() -> PolicyLoader.parse("p.yaml", "models: {}"))
                .hasMessageContaining("missing required section 'deployments'");
        assertThatThrownBy(() -> PolicyLoader.parse("p.yaml", "deployments: [\n  {id: x\n"))
                .hasMessageContaining("p.yaml:").hasMessageContaining("invalid YAML");
        assertThatThrownBy(() -> PolicyLoader.parse("p.yaml", "- just\n- a list\n"))
                .hasMessageContaining("expected a mapping, got a list");
    }

    @Test
    void refusesAMissingRequiredField() {
        String yaml = """
                deployments: [{id: d1, zone: private, api: openai, url: "http://h:1/v1", model: m}]
                models: {m: [d1]}
                """;
        assertThatThrownBy(() -> PolicyLoader.parse("p.yaml", yaml))
                .hasMessageContaining("p.yaml:1: deployments[0]: missing required field 'pool'");
    }
}
