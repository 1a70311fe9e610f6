package io.llmgateway.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmgateway.policy.rule.Rule;
import io.llmgateway.policy.rule.Strategy;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The full schema binds into immutable records; absent fields get their documented defaults. */
class PolicySchemaTest {

    static final String FULL = """
            pools:
              - {id: a100, zone: private, gpu: A100-80G, gpu-hour-cost: 3.20}
              - {id: a10, zone: private, gpu: A10-24G, gpu-hour-cost: 0.90}
              - {id: openai, zone: external}
            data-classes:
              - {id: public, zones: [private, external]}
              - {id: internal, zones: [private, external]}
              - {id: confidential, zones: [private]}
              - {id: secret, zones: [private]}
            default-data-class: internal
            sensitivity:
              findings: {secret: secret, source-code: confidential, cn-id: confidential, email: internal}
              source-code-threshold: 0.7
              keywords: {project-names: [Falcon, Bluebird]}
              regexes: {customer-id: "CUST-[0-9]{8}"}
              max-scan-chars: 65536
              on-error: most-sensitive
            deployments:
              - id: qwen72-a100
                pool: a100
                api: openai
                url: http://10.0.1.15:8000/v1
                model: Qwen2.5-72B-Instruct
                context-window: 32768
                capabilities: [chat, completions, tools, json_schema]
                max-concurrency: 64
                gpus: 2
                metrics-url: http://10.0.1.15:8000/metrics
                weight: 3
                resilience:
                  circuit-breaker: {failure-rate: 40, slow-call-rate: 90, slow-call-duration: 30s, window: 50, min-calls: 20, open-for: 1m, half-open-calls: 3}
                  retry: {max-attempts: 2, backoff: 100ms, max-backoff: 2s, jitter: 0.25}
                  max-queue: 16
              - id: gpt-4o
                pool: openai
                zone: external
                api: openai
                url: https://api.openai.com/v1
                model: gpt-4o
                price: {input-per-1m: 2.50, output-per-1m: 10.00, cached-input-per-1m: 1.25}
            models:
              chat-large: [qwen72-a100, gpt-4o]
            apps:
              - id: support-bot
                key: sk-support-123
                models: [chat-large]
                data-class: internal
                redact: [internal]
                priority: batch
                limits: {rpm: 600, tpm: 200000, concurrency: 50, per-model: {chat-large: {rpm: 100, tpm: 50000, concurrency: 10}}}
                budget: {daily: 50, monthly: 1000, soft-percent: 75}
            rules:
              - name: big-prompts-private
                when: {prompt-tokens: {gt: 8000}, data-class: {at-most: internal}, headers: {x-priority: [batch, low]}}
                route: {pools: [a100], strategy: cheapest, slo: {ttft: 800ms, total: 20s}, fallback: [gpt-4o], hedge: {after: 500ms}}
              - name: nights
                when: {time: {from: "22:00", to: "06:00", zone: Asia/Shanghai}}
                refuse: "closed at night"
            """;

    @Test
    void bindsEverySection() {
        Policy p = PolicyLoader.parse("p.yaml", FULL);
        assertThat(p.pools().get("a100").gpuHourCost()).isEqualTo(3.20);
        assertThat(p.pools().get("openai").hasGpuHourCost()).isFalse();
        assertThat(p.dataClasses().ids()).containsExactly("public", "internal", "confidential", "secret");
        assertThat(p.dataClasses().defaultClass().id()).isEqualTo("internal");
        assertThat(p.sensitivity().findings().get("source-code").id()).isEqualTo("confidential");
        assertThat(p.sensitivity().sourceCodeThreshold()).isEqualTo(0.7);
        assertThat(p.sensitivity().keywords()).containsEntry("project-names", List.of("Falcon", "Bluebird"));
        assertThat(p.sensitivity().maxScanChars()).isEqualTo(65536);

        Deployment q = p.deployments().get("qwen72-a100");
        assertThat(q.zone()).isEqualTo(Zone.PRIVATE);
        assertThat(q.profile().contextWindow()).isEqualTo(32768);
        assertThat(q.profile().capabilities()).containsExactlyInAnyOrder(Capability.CHAT, Capability.COMPLETIONS,
                Capability.TOOLS, Capability.JSON_SCHEMA);
        assertThat(q.profile().maxConcurrency()).isEqualTo(64);
        assertThat(q.profile().gpus()).isEqualTo(2);
        assertThat(q.profile().metricsUrl().toString()).isEqualTo("http://10.0.1.15:8000/metrics");
        assertThat(q.profile().weight()).isEqualTo(3);
        assertThat(q.resilience().circuitBreaker().openFor()).isEqualTo(Duration.ofMinutes(1));
        assertThat(q.resilience().retry().jitter()).isEqualTo(0.25);
        assertThat(q.resilience().maxQueue()).isEqualTo(16);
        Deployment g = p.deployments().get("gpt-4o");
        assertThat(g.profile().price()).isEqualTo(new Price(2.5, 10.0, 1.25));
        assertThat(g.profile().capabilitiesDeclared()).isFalse();

        App app = p.apps().get("support-bot");
        assertThat(app.floor().id()).isEqualTo("internal");
        assertThat(app.redact()).containsExactly("internal");
        assertThat(app.priority()).isEqualTo(Priority.BATCH);
        assertThat(app.limits().overall()).isEqualTo(new Limits(600, 200000, 50));
        assertThat(app.limits().forModel("chat-large")).isEqualTo(new Limits(100, 50000, 10));
        assertThat(app.budget()).isEqualTo(new Budget(50, 1000, 75));

        Rule r = p.rules().get(0);
        assertThat(r.when().dataClasses()).containsExactlyInAnyOrder("public", "internal");
        assertThat(r.when().promptTokens().min()).isEqualTo(8001);
        assertThat(r.when().headers().get("x-priority")).containsExactlyInAnyOrder("batch", "low");
        assertThat(r.route().targets()).containsExactly("qwen72-a100");
        assertThat(r.route().strategy()).isEqualTo(Strategy.CHEAPEST);
        assertThat(r.route().slo().ttft()).isEqualTo(Duration.ofMillis(800));
        assertThat(r.route().fallbacks()).containsExactly("gpt-4o");
        assertThat(r.route().hedgeAfter()).isEqualTo(Duration.ofMillis(500));
        assertThat(p.rules().get(1).refuse()).isEqualTo("closed at night");
        assertThat(p.warnings()).isEmpty();
    }

    @Test
    void absentFieldsGetTheDocumentedDefaults() {
        Policy p = PolicyLoader.parse("p.yaml", PolicyLoaderTest.MINIMAL);
        assertThat(p.dataClasses()).isEqualTo(DataClasses.DEFAULTS);
        assertThat(p.dataClasses().defaultClass().id()).isEqualTo("public");
        assertThat(p.sensitivity()).isEqualTo(SensitivitySettings.DEFAULTS);
        assertThat(p.pools().get("a10")).isEqualTo(new Pool("a10", Zone.PRIVATE, null, Double.NaN, false));
        Deployment d = p.deployments().get("qwen-7b-a10");
        assertThat(d.profile()).isEqualTo(Profile.DEFAULTS);
        assertThat(d.resilience()).isEqualTo(Resilience.DEFAULTS);
        assertThat(d.resilience().retry().maxAttempts()).isEqualTo(1);
        assertThat(d.resilience().circuitBreaker().failureRatePercent()).isEqualTo(50);
        App app = p.apps().get("demo-app");
        assertThat(app.floor().id()).isEqualTo("public");
        assertThat(app.priority()).isEqualTo(Priority.INTERACTIVE);
        assertThat(app.limits()).isEqualTo(AppLimits.NONE);
        assertThat(app.budget().hasDaily()).isFalse();
        assertThat(p.rules()).isEmpty();
    }
}
