package io.llmgateway.sim.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.llmgateway.sim.GpuProfile;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The continuous-batching model in virtual time, checked against the A10 profile's arithmetic. */
class BatchingUpstreamTest {

    // A10-24G: decode 28 ms + 0.3 ms per decoding sequence, prefill 250 ms per 1k tokens, 4096 tokens per step
    final GpuProfile a10 = GpuProfile.named("a10");
    final EventQueue clock = new EventQueue();
    final Map<Job, Double> first = new HashMap<>();
    final Map<Job, Double> done = new HashMap<>();
    final Upstream.Listener listener = new Upstream.Listener() {
        @Override
        public void firstToken(Job job) {
            first.put(job, clock.now());
        }

        @Override
        public void finished(Job job) {
            done.put(job, clock.now());
        }
    };

    Job job(int index, int prompt, int output) {
        Call call = new Call(new TraceRequest(index, 0, 0, prompt, output), null, null);
        return new Job(call, "d", index);
    }

    @Test
    void aLoneRequestTakesOnePrefillStepThenOneDecodeStepPerToken() {
        BatchingUpstream u = new BatchingUpstream(a10, clock, listener);
        Job j = job(0, 1000, 3);
        assertThat(u.submit(j)).isNull();
        clock.run();
        assertThat(first.get(j)).isCloseTo(28 + 250, within(1e-9));
        assertThat(done.get(j)).isCloseTo(278 + 2 * 28.3, within(1e-9));
        assertThat(u.busyMs()).isCloseTo(done.get(j), within(1e-9));
    }

    @Test
    void timeToFirstTokenGrowsWithRequestsPrefilledTogether() {
        BatchingUpstream u = new BatchingUpstream(a10, clock, listener);
        Job a = job(0, 1000, 2);
        Job b = job(1, 1000, 2);
        Job c = job(2, 3000, 2);
        u.submit(a);
        u.submit(b);
        u.submit(c);
        clock.run();
        assertThat(first.get(a)).isCloseTo(28 + 250 * 4.096, within(1e-9)); // one step's budget: 1000 + 1000 + 2096 of c
        assertThat(first.get(b)).isEqualTo(first.get(a));
        assertThat(first.get(c)).isGreaterThan(first.get(a)); // c's last 904 tokens go into the next step
    }

    @Test
    void aFullBatchQueuesTheNextRequestUntilASlotFrees() {
        GpuProfile one = a10.withBatching(new GpuProfile.Batching(1, 4096, 80_000, 250, 28, 0.3));
        BatchingUpstream u = new BatchingUpstream(one, clock, listener);
        Job a = job(0, 100, 1);
        Job b = job(1, 100, 1);
        u.submit(a);
        u.submit(b);
        clock.at(1, () -> {
            assertThat(u.load(0).running()).isEqualTo(1);
            assertThat(u.load(0).waiting()).isEqualTo(1);
        });
        clock.run();
        assertThat(first.get(b)).isCloseTo(2 * first.get(a), within(1e-9));
    }

    @Test
    void theKvCacheHoldsBackRequestsThatDoNotFitAndRefusesOnesThatNeverWill() {
        GpuProfile small = a10.withBatching(new GpuProfile.Batching(256, 4096, 40_000, 250, 28, 0.3));
        BatchingUpstream u = new BatchingUpstream(small, clock, listener);
        Job a = job(0, 20_000, 10);
        Job b = job(1, 20_000, 10);
        assertThat(u.submit(job(2, 40_000, 1))).isEqualTo("context_exceeded");
        u.submit(a);
        u.submit(b);
        clock.at(1, () -> assertThat(u.load(0).waiting()).isEqualTo(1));
        clock.run();
        assertThat(first.get(b)).isGreaterThan(done.get(a));
    }

    @Test
    void aCancelledRequestLeavesTheBatchAndIsNeverAnswered() {
        BatchingUpstream u = new BatchingUpstream(a10, clock, listener);
        Job a = job(0, 100, 50);
        Job b = job(1, 100, 50);
        u.submit(a);
        u.submit(b);
        clock.at(100, () -> u.cancel(b));
        clock.run();
        assertThat(done).containsOnlyKeys(a);
        assertThat(u.load(0).running()).isZero();
    }
}
