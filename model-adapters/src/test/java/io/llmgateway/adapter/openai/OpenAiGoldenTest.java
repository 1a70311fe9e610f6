package io.llmgateway.adapter.openai;

import io.llmgateway.adapter.golden.Golden;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Golden files under {@code golden/openai/}: request, response, stream and error translation. */
class OpenAiGoldenTest {

    @TestFactory
    Stream<DynamicTest> requests() {
        return Golden.requests("openai", OpenAiAdapter::new);
    }

    @TestFactory
    Stream<DynamicTest> responses() {
        return Golden.responses("openai", OpenAiAdapter::new);
    }

    @TestFactory
    Stream<DynamicTest> streams() {
        return Golden.streams("openai", OpenAiAdapter::new);
    }

    @TestFactory
    Stream<DynamicTest> errors() {
        return Golden.errors("openai", OpenAiAdapter::new);
    }
}
