package io.llmgateway.policy;

import java.net.URI;
import java.util.Map;
import java.util.Objects;

/**
 * One upstream that can serve requests: a model on a GPU pool or a closed-model API.
 *
 * @param id         unique id, used in metrics, headers and the ledger
 * @param pool       GPU pool or provider group ({@code a100}, {@code a10}, {@code openai})
 * @param zone       private or external: decides which data classes may reach it
 * @param api        wire API the upstream speaks ({@code openai}, {@code anthropic}, ...)
 * @param url        base URL, e.g. {@code http://10.0.0.5:8000/v1}
 * @param model      model name sent upstream
 * @param apiKeyEnv  name of the environment variable that holds the upstream key, or null
 * @param headers    extra static headers sent upstream (never secrets; use apiKeyEnv)
 * @param timeouts   time limits for each exchange
 * @param options    adapter-specific settings (e.g. {@code api-version} for Azure), validated by the adapter
 * @param profile    context window, capabilities, concurrency, cost inputs, metrics URL, weight
 * @param resilience circuit breaker, retry and queue settings
 */
public record Deployment(
        String id,
        String pool,
        Zone zone,
        String api,
        URI url,
        String model,
        String apiKeyEnv,
        Map<String, String> headers,
        Timeouts timeouts,
        Map<String, String> options,
        Profile profile,
        Resilience resilience) {

    public Deployment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(pool, "pool");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(api, "api");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(model, "model");
        headers = Map.copyOf(headers);
        Objects.requireNonNull(timeouts, "timeouts");
        options = Map.copyOf(options);
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(resilience, "resilience");
    }

    /** A deployment with the default profile and resilience settings. */
    public Deployment(String id, String pool, Zone zone, String api, URI url, String model, String apiKeyEnv,
                      Map<String, String> headers, Timeouts timeouts, Map<String, String> options) {
        this(id, pool, zone, api, url, model, apiKeyEnv, headers, timeouts, options, Profile.DEFAULTS, Resilience.DEFAULTS);
    }
}
