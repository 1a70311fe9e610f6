package io.llmgateway.adapter;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Where and how to reach one deployment: what an adapter needs to build the upstream request.
 * Secrets come in here from configuration; translators never read the environment.
 *
 * @param deploymentId for errors and metrics
 * @param baseUrl      API base, e.g. {@code http://10.0.0.5:8000/v1}
 * @param model        model name to send upstream
 * @param apiKey       upstream credential, or null
 * @param headers      extra static headers
 * @param options      adapter-specific settings (e.g. {@code api-version})
 * @param timeouts     limits for the exchange
 */
public record UpstreamTarget(
        String deploymentId,
        URI baseUrl,
        String model,
        String apiKey,
        Map<String, String> headers,
        Map<String, String> options,
        Timeouts timeouts) {

    public UpstreamTarget {
        Objects.requireNonNull(deploymentId, "deploymentId");
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(model, "model");
        headers = Map.copyOf(headers);
        options = Map.copyOf(options);
        Objects.requireNonNull(timeouts, "timeouts");
    }

    /** Resolves {@code path} (no leading slash) against the base URL. */
    public URI resolve(String path) {
        String base = baseUrl.toString();
        return URI.create(base.endsWith("/") ? base + path : base + "/" + path);
    }

    @Override
    public String toString() {
        return "UpstreamTarget[" + deploymentId + " " + baseUrl + " model=" + model + (apiKey == null ? "" : " key=***") + "]";
    }

    /**
     * @param connect    TCP/TLS connect
     * @param firstToken until response headers (non-stream: until the whole answer) or the first stream event
     * @param idle       longest gap between stream events
     * @param total      the whole exchange
     */
    public record Timeouts(Duration connect, Duration firstToken, Duration idle, Duration total) {
        public Timeouts {
            Objects.requireNonNull(connect, "connect");
            Objects.requireNonNull(firstToken, "firstToken");
            Objects.requireNonNull(idle, "idle");
            Objects.requireNonNull(total, "total");
        }
    }
}
