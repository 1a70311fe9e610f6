package io.llmgateway.adapter.anthropic;

import io.llmgateway.adapter.golden.Golden;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Golden files under {@code golden/anthropic/}: request, response, stream and error translation. */
class AnthropicGoldenTest {

    @TestFactory
    Stream<DynamicTest> requests() {
        return Golden.requests("anthropic", AnthropicAdapter::new);
    }

    @TestFactory
    Stream<DynamicTest> responses() {
        return Golden.responses("anthropic", AnthropicAdapter::new);
    }

    @TestFactory
    Stream<DynamicTest> streams() {
        return Golden.streams("anthropic", AnthropicAdapter::new);
    }

    @TestFactory
    Stream<DynamicTest> errors() {
        return Golden.errors("anthropic", AnthropicAdapter::new);
    }
}
