package io.llmgateway.sim.replay;

import io.llmgateway.policy.route.RequestFacts;
import io.llmgateway.policy.route.RoutePlan;

/** One trace request going through the simulated gateway: its plan and how far the executor got. Mutable, single-threaded. */
final class Call {

    final TraceRequest request;
    final RequestFacts facts;
    final RoutePlan plan;
    /** Index of the next candidate to try. */
    int next;
    int attempts;
    String lastFailure;
    double firstTokenMs = Double.NaN;

    Call(TraceRequest request, RequestFacts facts, RoutePlan plan) {
        this.request = request;
        this.facts = facts;
        this.plan = plan;
    }
}
