package io.llmgateway.policy.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.llmgateway.policy.PolicyLoader;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Trackers: EWMAs, windowed percentiles, throughput, in-flight and scraped load, and the snapshots built from them. */
class LatencyTrackerTest {

    static final long MS = 1_000_000L;

    @Test
    void ewmasStartAtTheFirstSampleAndMoveByAlpha() {
        LatencyTracker t = new LatencyTracker(0);
        t.record(true, 100 * MS, 1100 * MS, 101, 1000);
        assertThat(t.estimate().ttftMs()).isEqualTo(100);
        assertThat(t.estimate().tpotMs()).isEqualTo(10);
        assertThat(t.estimate().totalMs()).isEqualTo(1100);
        t.record(true, 200 * MS, 1200 * MS, 101, 2000);
        assertThat(t.estimate().ttftMs()).isCloseTo(100 + 0.2 * 100, within(1e-9));
        assertThat(t.estimate().samples()).isEqualTo(2);
    }

    @Test
    void nonStreamsDoNotTouchTtftOrTimePerToken() {
        LatencyTracker t = new LatencyTracker(0);
        t.record(false, 900 * MS, 900 * MS, 50, 1000);
        assertThat(t.estimate().ttftMs()).isNaN();
        assertThat(t.estimate().tpotMs()).isNaN();
        assertThat(t.estimate().totalMs()).isEqualTo(900);
        assertThat(t.estimate().outputTokens()).isEqualTo(50);
    }

    @Test
    void percentilesCoverTheRecentWindowWithinABucketWidth() {
        LatencyTracker t = new LatencyTracker(0);
        for (int i = 1; i <= 100; i++) {
            t.record(true, i * 10 * MS, i * 20 * MS, 10, 1000 + i * 20L); // percentiles refresh once a second
        }
        Percentiles p = t.ttftPercentiles(3000);
        assertThat(t.estimate().ttft().p50()).isPositive(); // refreshed at most once a second
        assertThat(p.p50()).isCloseTo(500, within(500 * 0.09));
        assertThat(p.p90()).isCloseTo(900, within(900 * 0.09));
        assertThat(p.p99()).isCloseTo(990, within(990 * 0.09));
    }

    @Test
    void throughputIsTheRecentPeakOfWholeWindows() {
        LatencyTracker t = new LatencyTracker(0);
        assertThat(t.outputTokensPerSecond(0)).isZero();
        t.record(false, MS, MS, 10_000, 5_000); // 10k tokens in the first 10 s window
        assertThat(t.outputTokensPerSecond(10_000)).isCloseTo(1000, within(1e-9));
        t.record(false, MS, MS, 1_000, 15_000);
        // the quiet window does not lower the peak by much (30-minute half-life)
        assertThat(t.outputTokensPerSecond(20_000)).isGreaterThan(990);
        assertThat(t.outputTokensPerSecond(20_000 + 1_800_000)).isCloseTo(500, within(10.0));
    }

    @Test
    void snapshotsCarryInFlightScrapedLoadAndCircuitsAndDropStaleSamples() {
        var policy = PolicyLoader.parse("p.yaml", """
                deployments:
                  - {id: a, pool: p, zone: private, api: openai, url: "http://h/v1", model: m}
                  - {id: b, pool: p, zone: private, api: openai, url: "http://h/v1", model: m}
                models: {m: [a, b]}
                """);
        AtomicLong now = new AtomicLong(100_000);
        LiveTrackers trackers = new LiveTrackers(now::get, 30_000);
        trackers.load("a").started();
        trackers.load("a").started();
        trackers.load("a").ended();
        trackers.load("a").scraped(new LoadSample(3, 1, 0.4, 100_000));
        trackers.latency("a").record(true, 50 * MS, 500 * MS, 20, 100_000);
        LiveSnapshot s = trackers.snapshot(policy, id -> id.equals("b") ? CircuitState.OPEN : CircuitState.CLOSED);
        assertThat(s.get("a").inFlight()).isEqualTo(1);
        assertThat(s.get("a").scraped().waiting()).isEqualTo(1);
        assertThat(s.get("a").latency().ttftMs()).isEqualTo(50);
        assertThat(s.get("b").circuit()).isEqualTo(CircuitState.OPEN);
        assertThat(s.get("unknown")).isEqualTo(DeploymentLive.UNKNOWN);
        now.set(140_000);
        assertThat(trackers.snapshot(policy, CircuitStates.ALL_CLOSED).get("a").scraped()).isNull();
        trackers.retain(java.util.Set.of("b"));
        assertThat(trackers.snapshot(policy, CircuitStates.ALL_CLOSED).get("a")).isEqualTo(DeploymentLive.UNKNOWN);
    }

    @Test
    void concurrentRecordsLoseNoSample() throws Exception {
        LatencyTracker t = new LatencyTracker(0);
        Thread[] threads = new Thread[4];
        for (int i = 0; i < threads.length; i++) {
            threads[i] = new Thread(() -> {
                for (int k = 0; k < 5000; k++) {
                    t.record(true, 10 * MS, 100 * MS, 10, 1000);
                }
            });
            threads[i].start();
        }
        for (Thread th : threads) {
            th.join();
        }
        assertThat(t.estimate().samples()).isEqualTo(20_000);
    }
}
