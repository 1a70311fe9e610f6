package io.llmgateway.policy.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmgateway.policy.Policy;
import io.llmgateway.policy.PolicyLoader;
import io.llmgateway.policy.route.Planner;
import io.llmgateway.policy.route.RejectReason;
import io.llmgateway.policy.route.RequestFacts;
import io.llmgateway.policy.route.RoutePlan;
import org.junit.jupiter.api.Test;

/** Requests in the executor's waiting room count towards saturation, so a full queue is not offered again. */
class WaitingCountsAsLoadTest {

    static final Policy POLICY = PolicyLoader.parse("p.yaml", """
            deployments:
              - {id: big, pool: a100, zone: private, api: openai, url: "http://h:1/v1", model: m,
                 max-concurrency: 2, resilience: {max-queue: 3}}
              - {id: small, pool: a10, zone: private, api: openai, url: "http://h:2/v1", model: m}
            models: {chat: [big, small]}
            """);

    @Test
    void aDeploymentWithFullSlotsAndAFullWaitingRoomIsSaturated() {
        LiveTrackers trackers = new LiveTrackers(() -> 0L, 60_000);
        trackers.load("big").started();
        trackers.load("big").started();
        RoutePlan withRoom = plan(trackers, waiting(2));
        assertThat(withRoom.candidates().get(0).deployment().id()).isEqualTo("big");

        RoutePlan full = plan(trackers, waiting(3));
        assertThat(full.candidates()).extracting(c -> c.deployment().id()).containsExactly("small");
        assertThat(full.rejected()).anySatisfy(r -> {
            assertThat(r.deploymentId()).isEqualTo("big");
            assertThat(r.code()).isEqualTo(RejectReason.SATURATED);
        });
    }

    private static RoutePlan plan(LiveTrackers trackers, CircuitStates states) {
        RequestFacts facts = RequestFacts.builder("app", "chat", POLICY.dataClasses().defaultClass()).build();
        return new Planner().plan(POLICY, facts, trackers.snapshot(POLICY, states));
    }

    private static CircuitStates waiting(int n) {
        return new CircuitStates() {
            @Override
            public CircuitState of(String id) {
                return CircuitState.CLOSED;
            }

            @Override
            public int waiting(String id) {
                return "big".equals(id) ? n : 0;
            }
        };
    }
}
