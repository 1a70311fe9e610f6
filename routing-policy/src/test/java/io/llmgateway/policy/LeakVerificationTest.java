package io.llmgateway.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * Static verification: a policy that tells the gateway to send a data class to a zone the class forbids
 * is refused with the offending path; configuration the planner's zone filter makes fail closed loads
 * with a warning.
 */
class LeakVerificationTest {

    static final String BASE = """
            pools:
              - {id: a100, zone: private, gpu-hour-cost: 3.2}
              - {id: a10, zone: private, gpu-hour-cost: 0.9}
              - {id: openai, zone: external}
            deployments:
              - {id: qwen72, pool: a100, api: openai, url: "http://10.0.0.1/v1", model: q72}
              - {id: qwen7, pool: a10, api: openai, url: "http://10.0.0.2/v1", model: q7}
              - {id: gpt4o, pool: openai, api: openai, url: "https://api.openai.com/v1", model: gpt-4o, price: {input-per-1m: 2.5, output-per-1m: 10}}
            models:
              chat: [qwen72, qwen7, gpt4o]
              gpt: [gpt4o]
            """;

    static final String APPS = """
            apps:
              - {id: code, key: sk-code-1234, data-class: confidential, models: [chat]}
              - {id: support, key: sk-support-1234, data-class: internal}
            """;

    @Test
    void refusesAFallbackToExternalForARuleThatAdmitsConfidential() {
        String yaml = BASE + APPS + """
                rules:
                  - name: sensitive
                    when: {data-class: {at-least: confidential}}
                    route: {deployments: [qwen72], fallback: [qwen7, gpt4o]}
                """;
        assertThatThrownBy(() -> PolicyLoader.parse("ops.yaml", yaml))
                .isInstanceOf(PolicyException.class)
                .hasMessageContaining("ops.yaml:18: rules[0].route.fallback[1]: deployment 'gpt4o' is in zone external,"
                        + " but rules[0].when.data-class admits 'confidential', which may only go to private");
    }

    @Test
    void refusesAPoolTargetThatReachesExternal() {
        String yaml = BASE + APPS + """
                rules:
                  - name: sensitive
                    when: {data-class: [internal, confidential]}
                    route: {pools: [a10, openai]}
                """;
        assertThatThrownBy(() -> PolicyLoader.parse("ops.yaml", yaml))
                .hasMessageContaining("rules[0].route.pools[1] (pool 'openai'): deployment 'gpt4o' is in zone external,"
                        + " but rules[0].when.data-class admits 'confidential'");
    }

    @Test
    void refusesARuleSendingAPrivateOnlyAppToExternal() {
        String yaml = BASE + APPS + """
                rules:
                  - name: code-overflow
                    when: {app: code}
                    route: {deployments: [qwen72], fallback: [gpt4o], any-model: true}
                """;
        assertThatThrownBy(() -> PolicyLoader.parse("ops.yaml", yaml))
                .hasMessageContaining("rules[0].route.fallback[0]: deployment 'gpt4o' is in zone external, which no request of"
                        + " this rule may reach: every request it matches is at least 'confidential' (floor of app code)");
    }

    @Test
    void refusesARuleWithoutTargetsWhoseAliasIsExternalOnly() {
        String yaml = BASE + APPS + """
                rules:
                  - name: sensitive-gpt
                    when: {model: gpt, data-class: {at-least: confidential}}
                    route: {strategy: cheapest}
                """;
        assertThatThrownBy(() -> PolicyLoader.parse("ops.yaml", yaml))
                .hasMessageContaining("rules[0].route: deployment 'gpt4o' is in zone external, but rules[0].when.data-class"
                        + " admits 'confidential'");
    }

    @Test
    void refusesAnAppThatListsAnAliasItsFloorCanNeverUse() {
        String yaml = BASE + """
                apps:
                  - {id: code, key: sk-code-1234, data-class: confidential, models: [chat, gpt]}
                """;
        assertThatThrownBy(() -> PolicyLoader.parse("ops.yaml", yaml))
                .hasMessageContaining("ops.yaml:13: apps[0].models: alias 'gpt' can never serve app 'code': its data-class"
                        + " floor 'confidential' may only go to private and every deployment the alias reaches is elsewhere");
    }

    @Test
    void anAnyModelRuleCanMakeSuchAnAliasServable() {
        String yaml = BASE + """
                apps:
                  - {id: code, key: sk-code-1234, data-class: confidential, models: [chat, gpt]}
                rules:
                  - name: code-private
                    when: {app: code}
                    route: {deployments: [qwen72], any-model: true}
                """;
        assertThat(PolicyLoader.parse("ops.yaml", yaml).rules()).hasSize(1);
    }

    @Test
    void refusesADeploymentWhoseZoneDisagreesWithItsPool() {
        String yaml = BASE.replace("model: q7}", "model: q7, zone: external}");
        assertThatThrownBy(() -> PolicyLoader.parse("ops.yaml", yaml))
                .hasMessageContaining("ops.yaml:7: deployments[1].zone: 'external' disagrees with pool 'a10' (zone private)");
    }

    @Test
    void impliedPoolsWithMixedZonesOnlyWarn() {
        // without a pools section a pool is a label (policies written before pools existed); the deployment's zone counts
        String yaml = """
                deployments:
                  - {id: a, pool: mixed, zone: private, api: openai, url: "http://h/v1", model: m}
                  - {id: b, pool: mixed, zone: external, api: openai, url: "http://h/v1", model: m}
                models: {m: [a, b]}
                """;
        Policy p = PolicyLoader.parse("ops.yaml", yaml);
        assertThat(p.deployments().get("b").zone()).isEqualTo(Zone.EXTERNAL);
        assertThat(p.warnings()).extracting(Object::toString).anySatisfy(w -> assertThat(w)
                .contains("ops.yaml:3: deployments[1].zone: 'external' differs from other deployments of pool 'mixed'"));
    }

    @Test
    void aRuleWithoutADataClassConditionSendingToExternalLoadsWithAWarning() {
        // The planner's zone filter removes gpt4o for confidential requests: not a leak, but those requests fail closed.
        String yaml = BASE + APPS + """
                rules:
                  - name: marketing
                    when: {model: gpt}
                    route: {strategy: cheapest}
                """;
        Policy p = PolicyLoader.parse("ops.yaml", yaml);
        assertThat(p.warnings()).extracting(Object::toString).anySatisfy(w -> assertThat(w)
                .contains("rules[0].route: requests of data class confidential, secret matching this rule have no allowed"
                        + " deployment (all targets and fallbacks are in forbidden zones): they fail closed with 503"));
    }

    @Test
    void customerServiceMayOverflowToExternalForNonSensitiveRequests() {
        String yaml = BASE + APPS + """
                rules:
                  - name: support-overflow
                    when: {app: support}
                    route: {pools: [a10], strategy: least-loaded, fallback: [gpt4o], any-model: true}
                """;
        Policy p = PolicyLoader.parse("ops.yaml", yaml);
        assertThat(p.warnings()).isEmpty();
    }

    @Test
    void warnsAboutShadowedRulesSkippedTargetsMissingCostsAndIgnoredSlos() {
        String yaml = BASE + APPS + """
                rules:
                  - name: gpt-only
                    when: {model: gpt}
                    route: {deployments: [qwen7], strategy: fastest, slo: {ttft: 1s}}
                  - name: everything
                    route: {deployments: [qwen72, gpt4o], strategy: cheapest}
                  - name: never
                    when: {app: code}
                    route: {deployments: [qwen72]}
                """.replace("gpt-hour-cost: 3.2", "");
        Policy p = PolicyLoader.parse("ops.yaml", yaml.replace("{id: a100, zone: private, gpu-hour-cost: 3.2}", "{id: a100, zone: private}"));
        assertThat(p.warnings()).extracting(Object::toString)
                .anySatisfy(w -> assertThat(w).contains("rules[0].route.slo: only strategy 'cheapest' uses an SLO"))
                .anySatisfy(w -> assertThat(w).contains("rules[0].route.deployments[0]: deployment 'qwen7' is never used"))
                .anySatisfy(w -> assertThat(w).contains("rules[1].route: strategy 'cheapest' has no cost input for 'qwen72'"))
                .anySatisfy(w -> assertThat(w).contains("rules[2]: never matches: 'everything' (rules[1]) matches every request"));
    }

    @Test
    void warnsWhenAnAppWithoutAllowListCannotUseAnAlias() {
        String yaml = BASE + """
                apps:
                  - {id: code, key: sk-code-1234, data-class: confidential}
                """;
        Policy p = PolicyLoader.parse("ops.yaml", yaml);
        assertThat(p.warnings()).extracting(Object::toString).anySatisfy(w -> assertThat(w)
                .contains("apps[0]: alias 'gpt' can never serve app 'code'").contains("has no models allow-list"));
    }
}
