package io.llmgateway.gateway.proxy;

import io.llmgateway.adapter.error.GatewayException;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;

/** Counters of the executor's decisions; labels are deployment ids and error kinds only. */
final class ExecutorMetrics {

    private final MeterRegistry registry;

    ExecutorMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void retry(String deploymentId, GatewayException cause) {
        registry.counter("gateway.executor.retries", "deployment", deploymentId, "reason", reason(cause)).increment();
    }

    void failover(String fromDeploymentId, GatewayException cause) {
        registry.counter("gateway.executor.failovers", "deployment", fromDeploymentId, "reason", reason(cause)).increment();
    }

    void hedge(String deploymentId) {
        registry.counter("gateway.executor.hedges", "deployment", deploymentId).increment();
    }

    void zoneRefused(String deploymentId) {
        registry.counter("gateway.executor.zone.refused", "deployment", deploymentId).increment();
    }

    private static String reason(GatewayException e) {
        return e.code() != null ? e.code() : e.kind().name().toLowerCase(Locale.ROOT);
    }
}
