package io.llmgateway.sim;

import static io.llmgateway.sim.SimClient.chatBody;
import static io.llmgateway.sim.TestNodes.CHAT;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import reactor.util.function.Tuple2;

class StreamingBehaviourTest {

    @Test
    void eachEventIsFlushedAsItIsProduced() {
        // 40 tokens at 10 ms per decode step: about 0.4 s from first to last token.
        try (SimNode node = SimNode.start(SimNodeConfig.of("flush", TestNodes.simpleGpu(8, 512, 4096), CHAT))) {
            List<Tuple2<Long, String>> timed = new SimClient(node).stream("/v1/chat/completions",
                            chatBody(CHAT, "Hi", "\"stream\":true,\"max_tokens\":40,\"ignore_eos\":true"))
                    .elapsed().collectList().block(SimClient.TIMEOUT);

            long sinceFirst = timed.stream().skip(1).mapToLong(Tuple2::getT1).sum();
            assertThat(timed).hasSize(1 + 40 + 1 + 1);
            assertThat(sinceFirst).as("ms between first and last event").isGreaterThan(200);
        }
    }

    @Test
    void clientDisconnectStopsTheGenerationAndFreesItsSlot() throws InterruptedException {
        try (SimNode node = SimNode.start(SimNodeConfig.of("cancel", TestNodes.simpleGpu(8, 512, 4096), CHAT))) {
            List<String> firstEvents = new SimClient(node).stream("/v1/chat/completions",
                            chatBody(CHAT, "Hi", "\"stream\":true,\"max_tokens\":1000,\"ignore_eos\":true"))
                    .take(5).collectList().block(SimClient.TIMEOUT);

            assertThat(firstEvents).hasSize(5);
            await(() -> node.metrics().requestsCancelled() == 1 && node.metrics().running() == 0);
            long tokensAfterCancel = node.metrics().generationTokens();
            TimeUnit.MILLISECONDS.sleep(100);
            assertThat(node.metrics().generationTokens()).isEqualTo(tokensAfterCancel).isLessThan(200);
            assertThat(node.metrics().kvCacheUsage()).isZero();
            assertThat(node.metrics().activeRequests()).isZero();
        }
    }

    @Test
    void hundredsOfConcurrentStreamsAllComplete() {
        try (SimNode node = SimNode.start(TestNodes.fastA10().speed(50).build())) {
            SimClient client = new SimClient(node);
            List<Long> counts = reactor.core.publisher.Flux.range(0, 200)
                    .flatMap(i -> client.stream("/v1/chat/completions",
                            chatBody(CHAT, "stream " + i, "\"stream\":true,\"max_tokens\":30")).count(), 200)
                    .collectList().block(Duration.ofSeconds(30));

            assertThat(counts).hasSize(200).allSatisfy(c -> assertThat(c).isGreaterThanOrEqualTo(3));
            assertThat(node.metrics().requestsSucceeded()).isEqualTo(200);
        }
    }

    static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 10 s");
            }
            TimeUnit.MILLISECONDS.sleep(10);
        }
    }
}
