package io.llmgateway.adapter.azure;

import io.llmgateway.adapter.golden.Golden;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Golden files under {@code golden/azure-openai/}: request, response, stream and error translation. */
class AzureOpenAiGoldenTest {

    @TestFactory
    Stream<DynamicTest> requests() {
        return Golden.requests("azure-openai", AzureOpenAiAdapter::new);
    }

    @TestFactory
    Stream<DynamicTest> responses() {
        return Golden.responses("azure-openai", AzureOpenAiAdapter::new);
    }

    @TestFactory
    Stream<DynamicTest> streams() {
        return Golden.streams("azure-openai", AzureOpenAiAdapter::new);
    }

    @TestFactory
    Stream<DynamicTest> errors() {
        return Golden.errors("azure-openai", AzureOpenAiAdapter::new);
    }
}
