package io.llmgateway.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmgateway.adapter.schema.Operation;
import io.llmgateway.adapter.schema.Usage;
import io.llmgateway.gateway.proxy.CallContext;
import io.llmgateway.policy.live.LiveTrackers;
import org.junit.jupiter.api.Test;

/** In-flight counts follow attempts (an attempt never ended is released with the call); served calls feed latency. */
class RoutingFeedbackObserverTest {

    final LiveTrackers trackers = new LiveTrackers(System::currentTimeMillis, 30_000);
    final RoutingFeedbackObserver observer = new RoutingFeedbackObserver(trackers);

    @Test
    void countsInFlightAndFeedsLatencyOfTheServingAttempt() {
        CallContext call = new CallContext("r1", Operation.CHAT);
        call.listener(observer);
        call.request("chat", true, 10);
        call.attemptStarted("a");
        assertThat(trackers.load("a").inFlight()).isEqualTo(1);
        call.attemptEnded("a", "upstream_unavailable");
        call.attemptStarted("b");
        call.upstreamFirst();
        assertThat(trackers.load("a").inFlight()).isZero();
        assertThat(trackers.load("b").inFlight()).isEqualTo(1);
        call.usage(Usage.reported(10, 50, 0));
        call.attemptEnded("b", "ok");
        call.firstByte();
        call.finish(200, null, false);
        observer.completed(call);
        assertThat(trackers.load("b").inFlight()).isZero();
        assertThat(trackers.latency("b").estimate().samples()).isEqualTo(1);
        assertThat(trackers.latency("b").estimate().outputTokens()).isEqualTo(50);
        assertThat(trackers.latency("a").estimate().samples()).isZero();
    }

    @Test
    void anAttemptNeverEndedIsReleasedWhenTheCallFinishes() {
        CallContext call = new CallContext("r2", Operation.CHAT);
        call.listener(observer);
        call.attemptStarted("a");
        call.finish(499, null, true);
        observer.completed(call);
        assertThat(trackers.load("a").inFlight()).isZero();
        assertThat(trackers.latency("a").estimate().samples()).isZero();
    }
}
