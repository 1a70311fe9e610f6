package io.llmgateway.sim.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.llmgateway.sim.GpuProfile.Batching;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.test.StepVerifier;

class BatchingEngineTest {
    final BatchingEngine engine = new BatchingEngine("unit", new Batching(4, 64, 1000, 100, 1, 0.1),
            new TimeScale(10), () -> 1.0);

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void emitsOneStepPerTokenOfTheLongestChoiceThenCompletes() {
        StepVerifier.create(engine.submit(new EngineRequest("m", 10, new int[] {3, 5}, 1)))
                .expectNext(0, 1, 2, 3, 4)
                .expectComplete()
                .verify(Duration.ofSeconds(5));
    }

    @Test
    void prefillOnlyRequestsCompleteWithoutSteps() {
        StepVerifier.create(engine.submit(new EngineRequest("m", 150, new int[0], 1)))
                .expectComplete()
                .verify(Duration.ofSeconds(5));
    }

    @Test
    void longPromptsArePrefilledInChunksOfTheStepBudget() {
        long start = System.nanoTime();
        engine.submit(new EngineRequest("m", 640, new int[] {1}, 1)).blockLast(Duration.ofSeconds(5));
        // 10 chunks of 64 tokens, each step at least 1 ms + 6.4 ms of prefill, compressed 10x: >= 7 ms.
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(7));
    }

    @Test
    void cancellingFreesSlotsAndCache() throws InterruptedException {
        Disposable running = engine.submit(new EngineRequest("m", 10, new int[] {900}, 1)).subscribe();
        while (engine.load().totalRunning() == 0) {
            Thread.sleep(5);
        }
        assertThat(engine.load().kvCacheUsage()).isPositive();

        running.dispose();
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (engine.load().totalRunning() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(engine.load().totalRunning()).isZero();
        assertThat(engine.load().kvCacheUsage()).isZero();
    }

    @Test
    void requestsThatCanNeverFitAreRejected() {
        assertThatThrownBy(() -> engine.checkCapacity(new EngineRequest("m", 900, new int[] {200}, 1)))
                .hasMessageContaining("needs 1100 KV-cache tokens");
        StepVerifier.create(engine.submit(new EngineRequest("m", 1, new int[] {1, 1, 1, 1, 1}, 1)))
                .expectError(IllegalArgumentException.class)
                .verify(Duration.ofSeconds(5));
    }

    @Test
    void closingFailsPendingRequests() {
        var flux = engine.submit(new EngineRequest("m", 10, new int[] {100_000 / 1000}, 1));
        StepVerifier.create(flux)
                .expectNext(0)
                .then(engine::close)
                .thenConsumeWhile(s -> true)
                .expectError(EngineClosedException.class)
                .verify(Duration.ofSeconds(5));
    }
}
