package io.llmgateway.sim.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.llmgateway.sim.GpuProfile;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The closed-API model: sampled latency from the profile, per-minute limits in virtual time. */
class ApiUpstreamTest {

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

    static Job job(int index, int prompt, int output) {
        return new Job(new Call(new TraceRequest(index, 0, 0, prompt, output), null, null), "api", index);
    }

    @Test
    void latencyFollowsTheProfile() {
        GpuProfile fixed = GpuProfile.named("openai-api").withApi(new GpuProfile.ApiBehaviour(400, 0, 20, 20, 0, 0));
        ApiUpstream u = new ApiUpstream(fixed, true, clock, listener);
        Job j = job(0, 500, 11);
        assertThat(u.submit(j)).isNull();
        clock.run();
        assertThat(first.get(j)).isCloseTo(400, within(1e-9));
        assertThat(done.get(j)).isCloseTo(400 + 10 * 20, within(1e-9));
    }

    @Test
    void theRequestsPerMinuteLimitRefusesUntilTheBucketRefills() {
        GpuProfile limited = GpuProfile.named("openai-api").withApi(new GpuProfile.ApiBehaviour(400, 0.35, 15, 30, 2, 0));
        ApiUpstream u = new ApiUpstream(limited, true, clock, listener);
        assertThat(u.submit(job(0, 10, 1))).isNull();
        assertThat(u.submit(job(1, 10, 1))).isNull();
        assertThat(u.submit(job(2, 10, 1))).isEqualTo("rate_limited");
        clock.at(30_000, () -> assertThat(u.submit(job(3, 10, 1))).isNull());
        clock.run();
        assertThat(done).hasSize(3);
    }

    @Test
    void theTokensPerMinuteLimitCountsPromptAndMaxTokens() {
        GpuProfile limited = GpuProfile.named("openai-api").withApi(new GpuProfile.ApiBehaviour(400, 0.35, 15, 30, 0, 1000));
        ApiUpstream u = new ApiUpstream(limited, true, clock, listener);
        assertThat(u.submit(job(0, 600, 300))).isNull();
        assertThat(u.submit(job(1, 50, 60))).isEqualTo("rate_limited");
        assertThat(new ApiUpstream(limited, false, clock, listener).submit(job(2, 600, 900))).isNull();
    }
}
