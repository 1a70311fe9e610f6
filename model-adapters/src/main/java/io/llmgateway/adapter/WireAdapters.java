package io.llmgateway.adapter;

import io.llmgateway.adapter.anthropic.AnthropicAdapter;
import io.llmgateway.adapter.azure.AzureOpenAiAdapter;
import io.llmgateway.adapter.ollama.OllamaAdapter;
import io.llmgateway.adapter.openai.OpenAiAdapter;
import io.llmgateway.adapter.tgi.TgiAdapter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The adapters known to this build, by their {@code api:} name. Immutable. */
public final class WireAdapters {

    private final Map<String, WireAdapter> byApi;

    private WireAdapters(Map<String, WireAdapter> byApi) {
        this.byApi = Map.copyOf(byApi);
    }

    /** Every adapter shipped with the gateway. */
    public static WireAdapters standard() {
        return of(new OpenAiAdapter(), new AzureOpenAiAdapter(), new AnthropicAdapter(), new OllamaAdapter(), new TgiAdapter());
    }

    public static WireAdapters of(WireAdapter... adapters) {
        Map<String, WireAdapter> m = new LinkedHashMap<>();
        for (WireAdapter a : adapters) {
            if (m.put(a.api(), a) != null) {
                throw new IllegalArgumentException("two adapters for api '" + a.api() + "'");
            }
        }
        return new WireAdapters(m);
    }

    public Optional<WireAdapter> get(String api) {
        return Optional.ofNullable(byApi.get(api));
    }

    public Set<String> apis() {
        return new java.util.TreeSet<>(byApi.keySet());
    }
}
