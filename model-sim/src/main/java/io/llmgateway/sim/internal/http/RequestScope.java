package io.llmgateway.sim.internal.http;

import io.llmgateway.sim.FaultConfig;
import io.llmgateway.sim.internal.metrics.NodeMetrics;
import java.util.concurrent.atomic.AtomicBoolean;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.netty.Connection;

/** Per-request state: the fault config in force when it arrived and its connection. */
final class RequestScope {
    private final FaultConfig faults;
    private final Connection connection;
    private final NodeMetrics metrics;
    private final AtomicBoolean faultCounted = new AtomicBoolean();

    RequestScope(FaultConfig faults, Connection connection, NodeMetrics metrics) {
        this.faults = faults;
        this.connection = connection;
        this.metrics = metrics;
    }

    FaultConfig faults() {
        return faults;
    }

    /** Counts this request once in {@code sim_faults_injected_total}. */
    void faultHit() {
        if (faultCounted.compareAndSet(false, true)) {
            metrics.faultInjected();
        }
    }

    /**
     * The connection's event loop, where rendering and writing of token steps happen, so the engine's
     * scheduler thread only hands steps over. Immediate when there is no connection.
     */
    Scheduler eventLoop() {
        return connection == null ? Schedulers.immediate() : Schedulers.fromExecutor(connection.channel().eventLoop());
    }

    /** Closes the TCP connection without finishing the response. */
    void dropConnection() {
        if (connection != null) {
            connection.channel().close();
        }
    }
}
