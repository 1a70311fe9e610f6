package io.llmgateway.sim;

import static io.llmgateway.sim.SimClient.chatBody;
import static io.llmgateway.sim.StreamingBehaviourTest.await;
import static io.llmgateway.sim.TestNodes.CHAT;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.util.function.Tuple2;

class PerformanceModelTest {
    static final String PROMPT_1K = TestNodes.longPrompt(1000);

    @Test
    void ttftAndTpotGrowWhenThirtyTwoRequestsShareTheNode() {
        // 100 ms per 1k prompt tokens, 2048 batched tokens per step: 32 prompts of ~1k tokens need 16 steps.
        GpuProfile gpu = TestNodes.simpleGpu(64, 2048, 200_000);
        String request = chatBody(CHAT, PROMPT_1K, "\"stream\":true,\"max_tokens\":8,\"ignore_eos\":true");

        double single;
        try (SimNode node = SimNode.start(SimNodeConfig.builder().id("single").profile(gpu).models(CHAT).speed(2).build())) {
            single = firstEventMs(new SimClient(node), request, 1);
            single = Math.min(single, firstEventMs(new SimClient(node), request, 1));
        }
        double loaded;
        double tpotSingle;
        double tpotLoaded;
        try (SimNode node = SimNode.start(SimNodeConfig.builder().id("loaded").profile(gpu).models(CHAT).speed(2).build())) {
            SimClient client = new SimClient(node);
            firstEventMs(client, request, 1);
            tpotSingle = node.metrics().meanTimePerOutputTokenSeconds();
            loaded = firstEventMs(client, request, 32);
            tpotLoaded = (node.metrics().meanTimePerOutputTokenSeconds() * 33 - tpotSingle) / 32;
        }

        assertThat(loaded).as("mean TTFT of 32 concurrent vs single (ms)").isGreaterThan(single * 2);
        assertThat(tpotLoaded).as("TPOT with 32 running vs single (s)").isGreaterThan(tpotSingle);
    }

    @Test
    void requestsQueueWhenTheKvCacheIsFull() throws InterruptedException {
        // 4096 KV tokens hold two requests of ~1k prompt + 1k completion tokens; the other two must wait.
        GpuProfile gpu = TestNodes.simpleGpu(64, 4096, 4096);
        try (SimNode node = SimNode.start(SimNodeConfig.builder().id("kv").profile(gpu).models(CHAT).speed(5).build())) {
            SimClient client = new SimClient(node);
            String request = chatBody(CHAT, PROMPT_1K, "\"stream\":true,\"max_tokens\":1000,\"ignore_eos\":true");
            Disposable.Composite streams = Disposables.composite();
            for (int i = 0; i < 4; i++) {
                streams.add(client.stream("/v1/chat/completions", request).subscribe());
            }

            await(() -> node.metrics().running() == 2 && node.metrics().waiting() == 2);
            await(() -> node.metrics().kvCacheUsage() > 0.5);
            String metrics = client.get("/metrics").body();
            assertThat(metrics).contains("vllm:num_requests_waiting{model_name=\"" + CHAT + "\"} 2");
            assertThat(metrics).contains("vllm:num_requests_running{model_name=\"" + CHAT + "\"} 2");

            streams.dispose();
            await(() -> node.metrics().running() == 0 && node.metrics().waiting() == 0);
            assertThat(node.metrics().kvCacheUsage()).isZero();
        }
    }

    @Test
    void maxNumSeqsLimitsTheRunningBatch() throws InterruptedException {
        GpuProfile gpu = TestNodes.simpleGpu(3, 512, 100_000);
        try (SimNode node = SimNode.start(SimNodeConfig.builder().id("seqs").profile(gpu).models(CHAT).speed(5).build())) {
            SimClient client = new SimClient(node);
            Disposable.Composite streams = Disposables.composite();
            for (int i = 0; i < 5; i++) {
                streams.add(client.stream("/v1/chat/completions",
                        chatBody(CHAT, "hi", "\"stream\":true,\"max_tokens\":2000,\"ignore_eos\":true")).subscribe());
            }

            await(() -> node.metrics().running() == 3 && node.metrics().waiting() == 2);
            streams.dispose();
        }
    }

    /** Mean client-side time to the first SSE event over {@code concurrency} simultaneous streams, read to the end. */
    private static double firstEventMs(SimClient client, String request, int concurrency) {
        List<Long> ttfts = Flux.range(0, concurrency)
                .flatMap(i -> client.stream("/v1/chat/completions", request).elapsed()
                        .map(Tuple2::getT1).collectList().map(gaps -> gaps.get(0)), concurrency)
                .collectList().block(Duration.ofSeconds(30));
        return ttfts.stream().mapToLong(Long::longValue).average().orElseThrow();
    }
}
