package io.llmgateway.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmgateway.adapter.error.GatewayException;
import io.llmgateway.policy.DataClass;
import io.llmgateway.policy.Zone;
import io.llmgateway.policy.route.PlanOutcome;
import io.llmgateway.policy.route.RejectReason;
import io.llmgateway.policy.route.RoutePlan;
import io.llmgateway.policy.rule.Strategy;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A refusal is definitive (clients told not to retry) only when no deployment was ruled out for its momentary state. */
class RouteErrorsTest {

    static final DataClass SECRET = new DataClass("secret", 3, Set.of(Zone.PRIVATE));

    static RoutePlan plan(PlanOutcome outcome, RoutePlan.Rejection... rejected) {
        return new RoutePlan("m", null, Strategy.LEAST_LOADED, SECRET, outcome, "refused", List.of(), List.of(rejected));
    }

    static RoutePlan.Rejection rejected(String id, RejectReason reason) {
        return new RoutePlan.Rejection(id, reason, reason.id());
    }

    @Test
    void aDataClassWithNoPrivateDeploymentAtAllIsDefinitive() {
        GatewayException e = RouteErrors.of(plan(PlanOutcome.DATA_CLASS_ZONE, rejected("vendor", RejectReason.ZONE_NOT_ALLOWED)));
        assertThat(e.code()).isEqualTo(RouteErrors.DATA_CLASS_REQUIRES_PRIVATE);
        assertThat(e.status()).isEqualTo(503);
        assertThat(e.definitive()).isTrue();
    }

    @Test
    void aPrivateDeploymentOutForNowMakesItWorthRetrying() {
        for (RejectReason momentary : List.of(RejectReason.CIRCUIT_OPEN, RejectReason.SATURATED)) {
            GatewayException e = RouteErrors.of(plan(PlanOutcome.DATA_CLASS_ZONE,
                    rejected("vendor", RejectReason.ZONE_NOT_ALLOWED), rejected("gpu", momentary)));
            assertThat(e.code()).isEqualTo(RouteErrors.DATA_CLASS_REQUIRES_PRIVATE);
            assertThat(e.definitive()).as(momentary.id()).isFalse();
        }
    }

    @Test
    void noCandidateFollowsTheSameLine() {
        assertThat(RouteErrors.of(plan(PlanOutcome.NO_CANDIDATE, rejected("a", RejectReason.CONTEXT_TOO_SMALL),
                rejected("b", RejectReason.MISSING_CAPABILITY))).definitive()).isTrue();
        assertThat(RouteErrors.of(plan(PlanOutcome.NO_CANDIDATE, rejected("a", RejectReason.CONTEXT_TOO_SMALL),
                rejected("b", RejectReason.SATURATED))).definitive()).isFalse();
    }
}
