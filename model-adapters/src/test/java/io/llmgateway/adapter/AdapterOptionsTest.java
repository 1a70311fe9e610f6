package io.llmgateway.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every adapter checks its {@code options:} when the policy is loaded, naming the deployment, option and value. */
class AdapterOptionsTest {

    static UpstreamTarget target(Map<String, String> options) {
        Duration s = Duration.ofSeconds(5);
        return new UpstreamTarget("gpt4o-eu", URI.create("https://x/y"), "m", "k", Map.of(), options,
                new UpstreamTarget.Timeouts(s, s, s, s));
    }

    static Map<String, String> options(String spec) {
        if (spec == null || spec.isBlank()) {
            return Map.of();
        }
        Map<String, String> m = new java.util.LinkedHashMap<>();
        for (String kv : spec.split(";")) {
            String[] p = kv.split("=", 2);
            m.put(p[0], p[1]);
        }
        return m;
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            azure-openai | -                                   | option 'api-version' is required
            azure-openai | api-version=                        | option 'api-version' is required
            azure-openai | api_version=2024-10-21              | option 'api_version' is not an option of this adapter (known: api-version, stream-usage)
            openai       | stream-usage=yes                    | option 'stream-usage' must be true or false, got 'yes'
            anthropic    | max-tokens-default=0                | option 'max-tokens-default' must be a positive integer, got '0'
            anthropic    | max-tokens-default=lots             | option 'max-tokens-default' must be a positive integer, got 'lots'
            ollama       | num-ctx=-1                          | option 'num-ctx' must be a positive integer, got '-1'
            ollama       | api-version=1                       | option 'api-version' is not an option of this adapter (known: keep-alive, num-ctx)
            tgi          | chat-template=vicuna                | option 'chat-template' must be one of chatml, llama3, mistral, plain, got 'vicuna'
            """)
    void badOptionsAreRejectedWithTheDeploymentAndOptionNamed(String api, String spec, String problem) {
        WireAdapter adapter = WireAdapters.standard().get(api).orElseThrow();
        assertThatThrownBy(() -> adapter.validate(target(options(spec))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("deployment 'gpt4o-eu' (api " + api + "): " + problem);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            openai       | -
            openai       | stream-usage=false
            azure-openai | api-version=2024-10-21
            anthropic    | -
            anthropic    | anthropic-version=2023-06-01;max-tokens-default=8192;anthropic-beta=x
            ollama       | num-ctx=8192;keep-alive=5m
            tgi          | chat-template=llama3
            """)
    void goodOptionsPass(String api, String spec) {
        WireAdapter adapter = WireAdapters.standard().get(api).orElseThrow();
        assertThatCode(() -> adapter.validate(target(options(spec)))).doesNotThrowAnyException();
    }

    @org.junit.jupiter.api.Test
    void theStandardSetHasEveryAdapter() {
        assertThat(WireAdapters.standard().apis()).containsExactly("anthropic", "azure-openai", "ollama", "openai", "tgi");
    }
}
