package io.llmgateway.deploy;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Values that would leak a secret or break the scale-out contract are refused at render time, with the reason. */
class ChartGuardsTest {

    @Test
    void refusesAPlainAppKeyInThePolicy() {
        refused("""
                policy:
                  inline: |
                    deployments: []
                    apps:
                      - id: bot
                        key: sk-plain-text-key
                """, "app keys must be stored as sha256");
        refused("""
                policy:
                  inline: |
                    apps:
                      - id: bot
                        keys:
                          - sha256:0e02c084c95e3f1103ad8cd75def529138f348001b6f4aff1246f43d1f670dc4
                          - sk-the-old-plain-key
                """, "apps[0]: app keys must be stored as sha256");
        refused("policy:\n  inline: 'apps: [unclosed'\n", "policy.inline is not valid YAML");
    }

    @Test
    void refusesCredentialsInTheRedisUrl() {
        refused("redis: {url: 'redis://:hunter2@redis:6379'}\n", "redis.url must not carry credentials");
    }

    @Test
    void refusesAPasswordInTheLedgerUrl() {
        refused("ledger: {url: 'jdbc:postgresql://db:5432/x?user=a&password=hunter2'}\n", "ledger.url must not carry a password");
    }

    @Test
    void refusesASecretLookingExtraEnvWithAPlainValue() {
        refused("extraEnv: [{name: OPENAI_API_KEY, value: sk-123}]\n", "looks like a secret");
    }

    @Test
    void refusesAGracePeriodShorterThanTheDrain() {
        refused("terminationGracePeriodSeconds: 30\nshutdown: {preStopSeconds: 10, drainSeconds: 60}\n", "terminationGracePeriodSeconds");
    }

    @Test
    void refusesSeveralReplicasWithoutSharedState() {
        refused("replicaCount: 3\n", "needs shared limits");
        refused("replicaCount: 3\nredis: {url: 'redis://redis:6379'}\n", "needs a shared ledger");
    }

    private static void refused(String values, String reason) {
        Path file = write(values);
        assertThatThrownBy(() -> Chart.template(file)).hasMessageContaining(reason);
    }

    private static Path write(String values) {
        try {
            Path p = Files.createTempFile("values-", ".yaml");
            Files.writeString(p, values);
            p.toFile().deleteOnExit();
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
