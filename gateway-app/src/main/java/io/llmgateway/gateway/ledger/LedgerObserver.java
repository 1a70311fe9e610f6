package io.llmgateway.gateway.ledger;

import io.llmgateway.adapter.schema.Usage;
import io.llmgateway.gateway.observe.CallObserver;
import io.llmgateway.gateway.proxy.CallContext;
import io.llmgateway.gateway.routing.RoutingStateHolder;
import io.llmgateway.policy.Deployment;
import java.math.BigDecimal;
import java.time.Instant;

/** Turns every finished call that reached an upstream into one ledger record and hands it to the writer. */
public final class LedgerObserver implements CallObserver {

    private final LedgerWriter writer;
    private final RoutingStateHolder routing;

    /** @param writer the writer, or null when the ledger is disabled */
    public LedgerObserver(LedgerWriter writer, RoutingStateHolder routing) {
        this.writer = writer;
        this.routing = routing;
    }

    @Override
    public void completed(CallContext call) {
        if (writer == null || !call.reachedUpstream()) {
            return;
        }
        writer.offer(record(call, routing.current().policy().deployments().get(call.deploymentId())));
    }

    static UsageRecord record(CallContext call, Deployment d) {
        Usage u = call.usage();
        Instant start = call.startedAt();
        long durationNanos = call.durationNanos();
        return new UsageRecord(TimeOrderedIds.uuid7(start.toEpochMilli()).toString(), call.requestId(), start, start.plusNanos(durationNanos),
                call.appId(), call.alias(), call.deploymentId(), d == null ? null : d.pool(), d == null ? null : d.zone().id(),
                call.dataClass(), call.sensitivity() == null ? null : call.sensitivity().detectors(),
                call.operation().id(), call.stream(),
                u == null ? 0 : u.promptTokens(), u == null ? 0 : u.completionTokens(), u != null && u.estimated(),
                BigDecimal.valueOf(call.costUsd()), millis(durationNanos), millis(call.timeToFirstByteNanos()),
                call.status(), outcome(call), call.error() == null ? null : call.error().code(), call.attempts().size());
    }

    private static String outcome(CallContext call) {
        if (call.cancelled()) {
            return "cancelled";
        }
        if (call.error() == null) {
            return "served";
        }
        return call.committed() ? "failed_mid_stream" : "failed";
    }

    private static double millis(long nanos) {
        return Math.round(nanos / 1e3) / 1e3;
    }
}
