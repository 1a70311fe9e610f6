package io.llmgateway.adapter.azure;

import io.llmgateway.adapter.AdapterOptions;
import io.llmgateway.adapter.UpstreamTarget;
import io.llmgateway.adapter.openai.OpenAiRequestTranslator;
import io.llmgateway.adapter.schema.OpenAiRequest;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Azure OpenAI differs from OpenAI only in where and how a request is sent: the deployment is in the
 * URL ({@code url: https://RES.openai.azure.com/openai/deployments/DEPLOYMENT}), the API version in
 * the required {@code api-version} option (sent as a query parameter), and the key in an
 * {@code api-key} header. The body is OpenAI's.
 */
public class AzureOpenAiRequestTranslator extends OpenAiRequestTranslator {

    public static final String API_VERSION = "api-version";

    @Override
    public void validate(UpstreamTarget target) {
        super.validate(target);
        apiVersion(options(target));
    }

    @Override
    protected String api() {
        return AzureOpenAiAdapter.API;
    }

    @Override
    protected Set<String> knownOptions() {
        return Set.of(API_VERSION, STREAM_USAGE);
    }

    @Override
    protected URI uri(OpenAiRequest request, UpstreamTarget target, AdapterOptions options) {
        URI base = target.resolve(path(request));
        return URI.create(base + "?api-version=" + URLEncoder.encode(apiVersion(options), StandardCharsets.UTF_8));
    }

    @Override
    protected Map<String, String> headers(OpenAiRequest request, UpstreamTarget target) {
        Map<String, String> h = new LinkedHashMap<>(super.headers(request, target));
        h.remove("authorization");
        if (target.apiKey() != null) {
            h.put("api-key", target.apiKey());
        }
        return h;
    }

    private static String apiVersion(AdapterOptions options) {
        return options.required(API_VERSION);
    }
}
