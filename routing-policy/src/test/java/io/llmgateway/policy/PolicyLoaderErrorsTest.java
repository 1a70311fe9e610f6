package io.llmgateway.policy;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every new section refuses bad input with the file, line, path and value; nothing is clamped. */
class PolicyLoaderErrorsTest {

    static final String BASE = """
            pools:
              - {id: a10, zone: private, gpu-hour-cost: 0.9}
              - {id: openai, zone: external}
            deployments:
              - {id: d1, pool: a10, api: openai, url: "http://h:1/v1", model: m}
              - {id: ext, pool: openai, api: openai, url: "https://api.example.com/v1", model: m, price: {input-per-1m: 1, output-per-1m: 2}}
            models:
              chat: [d1, ext]
            apps:
              - {id: a, key: sk-aaaaaaaa}
            """;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            zone disagrees with pool   | deployments[0].zone: 'external' disagrees with pool 'a10' (zone private)  | deployments:\\n  - {id: x, pool: a10, zone: external, api: openai, url: "http://h/v1", model: m}\\nmodels: {c: x}
            unknown pool               | deployments[0].pool: unknown pool 'a99'                                   | deployments:\\n  - {id: x, pool: a99, api: openai, url: "http://h/v1", model: m}\\nmodels: {c: x}
            bad capability             | deployments[0].capabilities[1]: unknown capability 'telepathy'            | deployments:\\n  - {id: x, pool: a10, api: openai, url: "http://h/v1", model: m, capabilities: [chat, telepathy]}\\nmodels: {c: x}
            negative price             | deployments[0].price.output-per-1m: must be between 0 and 1000000, got -1  | deployments:\\n  - {id: x, pool: openai, api: openai, url: "http://h/v1", model: m, price: {input-per-1m: 1, output-per-1m: -1}}\\nmodels: {c: x}
            price without output       | deployments[0].price: missing required field 'output-per-1m'              | deployments:\\n  - {id: x, pool: openai, api: openai, url: "http://h/v1", model: m, price: {input-per-1m: 1}}\\nmodels: {c: x}
            zero concurrency           | deployments[0].max-concurrency: must be between 1 and 1000000, got 0       | deployments:\\n  - {id: x, pool: a10, api: openai, url: "http://h/v1", model: m, max-concurrency: 0}\\nmodels: {c: x}
            bad metrics url            | deployments[0].metrics-url: must be an absolute http(s) URL with a host, got 'metrics' | deployments:\\n  - {id: x, pool: a10, api: openai, url: "http://h/v1", model: m, metrics-url: metrics}\\nmodels: {c: x}
            min-calls over window      | deployments[0].resilience.circuit-breaker.min-calls: min-calls (30) must not exceed window (20) | deployments:\\n  - {id: x, pool: a10, api: openai, url: "http://h/v1", model: m, resilience: {circuit-breaker: {min-calls: 30}}}\\nmodels: {c: x}
            failure rate over 100      | deployments[0].resilience.circuit-breaker.failure-rate: must be between 1 and 100, got 150 | deployments:\\n  - {id: x, pool: a10, api: openai, url: "http://h/v1", model: m, resilience: {circuit-breaker: {failure-rate: 150}}}\\nmodels: {c: x}
            backoff over max           | deployments[0].resilience.retry: backoff (PT10S) must not exceed max-backoff (PT5S) | deployments:\\n  - {id: x, pool: a10, api: openai, url: "http://h/v1", model: m, resilience: {retry: {backoff: 10s}}}\\nmodels: {c: x}
            unknown resilience field   | deployments[0].resilience.retries: unknown field 'retries'                | deployments:\\n  - {id: x, pool: a10, api: openai, url: "http://h/v1", model: m, resilience: {retries: 3}}\\nmodels: {c: x}
            """)
    void refusesBadDeployments(String name, String expected, String yaml) {
        String pools = "pools:\n  - {id: a10, zone: private}\n  - {id: openai, zone: external}\n";
        assertThatThrownBy(() -> PolicyLoader.parse("ops.yaml", pools + yaml.replace("\\n", "\n")))
                .isInstanceOf(PolicyException.class)
                .hasMessageContaining("ops.yaml:")
                .hasMessageContaining(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            class order leaks          | data-classes[1].zones: 'secret' is more sensitive than 'public' but allows external | data-classes: [{id: public, zones: [private]}, {id: secret, zones: [private, external]}]
            class without zones        | data-classes[0].zones: a data class must allow at least one zone           | data-classes: [{id: public, zones: []}]
            unknown default class      | default-data-class: unknown data class 'top' (known: public, internal, confidential, secret) | default-data-class: top
            unknown finding class      | sensitivity.findings.cn-id: unknown data class 'pii'                    | sensitivity: {findings: {cn-id: pii}}
            bad regex                  | sensitivity.regexes.cust: not a valid regular expression                  | sensitivity: {regexes: {cust: "CUST-[0-9"}}
            on-error must stay         | sensitivity.on-error: only 'most-sensitive' is supported                  | sensitivity: {on-error: ignore}
            threshold out of range     | sensitivity.source-code-threshold: must be between 0 and 1, got 1.5       | sensitivity: {source-code-threshold: 1.5}
            """)
    void refusesBadClassesAndSensitivity(String name, String expected, String extra) {
        assertThatThrownBy(() -> PolicyLoader.parse("ops.yaml", BASE + extra + "\n"))
                .hasMessageContaining(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown floor              | apps[0].data-class: unknown data class 'top'                              | {id: b, key: sk-bbbbbbbb, data-class: top}
            bad priority               | apps[0].priority: must be 'interactive' or 'batch', got 'urgent'          | {id: b, key: sk-bbbbbbbb, priority: urgent}
            zero rpm                   | apps[0].limits.rpm: must be between 1 and 100000000, got 0                | {id: b, key: sk-bbbbbbbb, limits: {rpm: 0}}
            per-model unknown alias    | apps[0].limits.per-model.nope: 'nope' is not a model alias this app may use | {id: b, key: sk-bbbbbbbb, limits: {per-model: {nope: {rpm: 5}}}}
            daily over monthly         | apps[0].budget.daily: daily budget 100.0 exceeds the monthly budget 50.0  | {id: b, key: sk-bbbbbbbb, budget: {daily: 100, monthly: 50}}
            empty budget               | apps[0].budget: a budget needs 'daily' and/or 'monthly'                   | {id: b, key: sk-bbbbbbbb, budget: {soft-percent: 50}}
            """)
    void refusesBadApps(String name, String expected, String app) {
        String yaml = BASE.substring(0, BASE.indexOf("apps:")) + "apps:\n  - " + app + "\n";
        assertThatThrownBy(() -> PolicyLoader.parse("ops.yaml", yaml)).hasMessageContaining(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            rule named like an alias   | rules[0].name: 'chat' is also a model alias                               | {name: chat, route: {deployments: [d1]}}
            duplicate rule name        | rules[1].name: duplicate rule name 'r'                                    | {name: r, route: {deployments: [d1]}}\\n  - {name: r, route: {deployments: [d1]}}
            route and refuse           | rules[0]: a rule has either 'route' or 'refuse', not both                 | {name: r, route: {deployments: [d1]}, refuse: no}
            neither route nor refuse   | rules[0]: a rule needs 'route' or 'refuse'                                | {name: r, when: {stream: true}}
            unknown target             | rules[0].route.deployments[0]: unknown deployment 'd9'                    | {name: r, route: {deployments: [d9]}}
            unknown target pool        | rules[0].route.pools[0]: unknown pool 'h100'                              | {name: r, route: {pools: [h100]}}
            unknown fallback           | rules[0].route.fallback[0]: unknown deployment or pool 'zz'               | {name: r, route: {fallback: [zz]}}
            unknown strategy           | rules[0].route.strategy: unknown strategy 'random'                        | {name: r, route: {strategy: random}}
            unknown app                | rules[0].when.app: unknown app 'b' (known: a)                                   | {name: r, when: {app: b}, route: {deployments: [d1]}}
            unknown model              | rules[0].when.model: unknown model alias 'gpt' (known: chat)                        | {name: r, when: {model: gpt}, route: {deployments: [d1]}}
            unknown class              | rules[0].when.data-class.at-least: unknown data class 'top'               | {name: r, when: {data-class: {at-least: top}}, route: {deployments: [d1]}}
            empty class range          | rules[0].when.data-class: no class is at least 'secret' and at most 'public' | {name: r, when: {data-class: {at-least: secret, at-most: public}}, route: {deployments: [d1]}}
            empty token range          | rules[0].when.prompt-tokens: no token count satisfies it                  | {name: r, when: {prompt-tokens: {gt: 100, lt: 50}}, route: {deployments: [d1]}}
            secret header              | rules[0].when.headers.Authorization: rules may not match on the credential header | {name: r, when: {headers: {Authorization: x}}, route: {deployments: [d1]}}
            bad time                   | rules[0].when.time.from: expected a time HH:MM (24h), got '9am'           | {name: r, when: {time: {from: 9am, to: "18:00"}}, route: {deployments: [d1]}}
            bad time zone              | rules[0].when.time.zone: unknown time zone 'Mars/Olympus'                 | {name: r, when: {time: {from: "09:00", to: "18:00", zone: Mars/Olympus}}, route: {deployments: [d1]}}
            bad stream flag            | rules[0].when.stream: expected true or false, got 'maybe'                 | {name: r, when: {stream: maybe}, route: {deployments: [d1]}}
            unknown condition          | rules[0].when.weekday: unknown field 'weekday'                            | {name: r, when: {weekday: mon}, route: {deployments: [d1]}}
            """)
    void refusesBadRules(String name, String expected, String rule) {
        String yaml = BASE + "rules:\n  - " + rule.replace("\\n", "\n") + "\n";
        assertThatThrownBy(() -> PolicyLoader.parse("ops.yaml", yaml))
                .isInstanceOf(PolicyException.class)
                .hasMessageContaining("ops.yaml:")
                .hasMessageContaining(expected);
    }
}
