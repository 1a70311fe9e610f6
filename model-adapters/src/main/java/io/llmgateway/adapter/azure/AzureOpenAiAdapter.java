package io.llmgateway.adapter.azure;

import io.llmgateway.adapter.openai.OpenAiAdapter;
import io.llmgateway.adapter.schema.ResponseStamp;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * {@code api: azure-openai}: Azure OpenAI deployments. Answers, streams (including Azure's
 * content-filter events) and errors are OpenAI's, so everything but the request's URL and headers
 * ({@link AzureOpenAiRequestTranslator}) is the OpenAI adapter's.
 */
public class AzureOpenAiAdapter extends OpenAiAdapter {

    public static final String API = "azure-openai";

    public AzureOpenAiAdapter() {
        this(ResponseStamp.random(Clock.systemUTC()));
    }

    public AzureOpenAiAdapter(Supplier<ResponseStamp> stamps) {
        super(new AzureOpenAiRequestTranslator(), stamps);
    }

    @Override
    public String api() {
        return API;
    }
}
