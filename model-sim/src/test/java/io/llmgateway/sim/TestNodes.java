package io.llmgateway.sim;

import io.llmgateway.sim.GpuProfile.Batching;
import java.util.List;

/** Node configs for tests: fast (speed-compressed) and with small, predictable performance parameters. */
final class TestNodes {
    static final String CHAT = "Qwen2.5-7B-Instruct";
    static final String EMBED = "bge-m3";

    private TestNodes() {
    }

    /** An A10 node serving a chat and an embedding model, 20x faster than real time. */
    static SimNodeConfig.Builder fastA10() {
        return SimNodeConfig.builder().id("test-a10").profile("a10").models(CHAT, EMBED).seed(7).speed(20);
    }

    /** A GPU profile with round numbers: 10 ms decode base, 0.5 ms per sequence, 100 ms per 1k prompt tokens. */
    static GpuProfile simpleGpu(int maxNumSeqs, int maxBatchedTokens, long kvTokens) {
        return new GpuProfile("test-gpu", List.of(), GpuProfile.Kind.GPU, (int) Math.min(kvTokens, 32768),
                new Batching(maxNumSeqs, maxBatchedTokens, kvTokens, 100, 10, 0.5),
                null, new GpuProfile.Cost("test", 1, 1.0, 0, 0));
    }

    /** A chat request with a prompt of about {@code words} tokens. */
    static String longPrompt(int words) {
        return "word ".repeat(words).trim();
    }
}
