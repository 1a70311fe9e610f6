package io.llmgateway.adapter.ollama;

import io.llmgateway.adapter.golden.Golden;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Golden files under {@code golden/ollama/}: request, response, stream and error translation. */
class OllamaGoldenTest {

    @TestFactory
    Stream<DynamicTest> requests() {
        return Golden.requests("ollama", OllamaAdapter::new);
    }

    @TestFactory
    Stream<DynamicTest> responses() {
        return Golden.responses("ollama", OllamaAdapter::new);
    }

    @TestFactory
    Stream<DynamicTest> streams() {
        return Golden.streams("ollama", OllamaAdapter::new);
    }

    @TestFactory
    Stream<DynamicTest> errors() {
        return Golden.errors("ollama", OllamaAdapter::new);
    }
}
