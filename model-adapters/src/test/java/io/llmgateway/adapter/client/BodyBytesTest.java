package io.llmgateway.adapter.client;

import static io.llmgateway.adapter.client.UpstreamClientTest.FINISH;
import static io.llmgateway.adapter.client.UpstreamClientTest.STREAM;
import static io.llmgateway.adapter.client.UpstreamClientTest.TOKEN;
import static io.llmgateway.adapter.client.UpstreamClientTest.USAGE;
import static io.llmgateway.adapter.client.UpstreamClientTest.request;
import static io.llmgateway.adapter.client.UpstreamClientTest.sse;
import static org.assertj.core.api.Assertions.assertThat;

import io.llmgateway.adapter.WireAdapter;
import io.llmgateway.adapter.openai.OpenAiAdapter;
import io.llmgateway.adapter.schema.OpenAiChunk;
import io.micrometer.context.ContextRegistry;
import io.micrometer.context.ThreadLocalAccessor;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.util.context.Context;

/**
 * Upstream bodies are read without Reactor restoring the caller's thread-locals around every received
 * buffer (which {@code ByteBufFlux.asByteArray()} does once context-propagation is on the class path, as
 * it is in the gateway through Micrometer tracing): for a relayed stream that was a scope, a span and MDC
 * entries set and reset per token event.
 */
class BodyBytesTest {

    static final String KEY = "body-bytes-test";

    final AtomicInteger restores = new AtomicInteger();
    final ThreadLocal<String> local = new ThreadLocal<>();
    final UpstreamClient client = new UpstreamClient(UpstreamClientConfig.DEFAULTS);
    final WireAdapter openai = new OpenAiAdapter();
    FakeServer server;

    BodyBytesTest() {
        ContextRegistry.getInstance().registerThreadLocalAccessor(new ThreadLocalAccessor<String>() {
            @Override
            public Object key() {
                return KEY;
            }

            @Override
            public String getValue() {
                return local.get();
            }

            @Override
            public void setValue(String value) {
                restores.incrementAndGet();
                local.set(value);
            }

            @Override
            public void setValue() {
                local.remove();
            }
        });
    }

    @AfterEach
    void close() {
        ContextRegistry.getInstance().removeThreadLocalAccessor(KEY);
        client.close();
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aStreamIsRelayedWithoutRestoringThreadLocalsPerBuffer() {
        // one flushed write per event: several received buffers
        server = new FakeServer((req, res) -> res.header("content-type", "text/event-stream")
                .sendString(Flux.just(sse(TOKEN), sse(TOKEN), sse(TOKEN), sse(FINISH), sse(USAGE))
                        .delayElements(Duration.ofMillis(5))).then());
        List<OpenAiChunk> chunks = client.stream(openai, request(STREAM), Targets.to(server.url("/v1")),
                        openai.streamTranslator(request(STREAM), Targets.to(server.url("/v1"))))
                .contextWrite(Context.of(KEY, "caller"))
                .collectList().block(Duration.ofSeconds(10));
        assertThat(chunks).extracting(OpenAiChunk::kind).contains(OpenAiChunk.Kind.USAGE_ONLY);
        assertThat(chunks).hasSize(5);
        assertThat(restores).hasValue(0);
    }

    @Test
    void aCompleteAnswerIsReadWithoutRestoringThreadLocals() {
        server = new FakeServer((req, res) -> FakeServer.json(res, 200, UpstreamClientTest.ANSWER));
        assertThat(client.call(openai, request(UpstreamClientTest.CHAT), Targets.to(server.url("/v1")))
                .contextWrite(Context.of(KEY, "caller"))
                .block(Duration.ofSeconds(10)).usage().totalTokens()).isEqualTo(4);
        assertThat(restores).hasValue(0);
    }

    @Test
    void copiesTheReadableBytesAndTreatsAReleasedBufferAsEmpty() {
        ByteBuf buffer = Unpooled.copiedBuffer("data: x\n\n", StandardCharsets.UTF_8);
        buffer.readByte();
        assertThat(new String(BodyBytes.copy(buffer), StandardCharsets.UTF_8)).isEqualTo("ata: x\n\n");
        assertThat(BodyBytes.copy(Unpooled.EMPTY_BUFFER)).isEmpty();
        ByteBuf released = Unpooled.copiedBuffer("late", StandardCharsets.UTF_8);
        released.release();
        assertThat(BodyBytes.copy(released)).isEmpty();
    }
}
