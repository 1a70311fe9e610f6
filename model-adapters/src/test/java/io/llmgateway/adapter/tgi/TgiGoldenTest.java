package io.llmgateway.adapter.tgi;

import io.llmgateway.adapter.golden.Golden;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Golden files under {@code golden/tgi/}: request, response, stream and error translation. */
class TgiGoldenTest {

    @TestFactory
    Stream<DynamicTest> requests() {
        return Golden.requests("tgi", TgiAdapter::new);
    }

    @TestFactory
    Stream<DynamicTest> responses() {
        return Golden.responses("tgi", TgiAdapter::new);
    }

    @TestFactory
    Stream<DynamicTest> streams() {
        return Golden.streams("tgi", TgiAdapter::new);
    }

    @TestFactory
    Stream<DynamicTest> errors() {
        return Golden.errors("tgi", TgiAdapter::new);
    }
}
