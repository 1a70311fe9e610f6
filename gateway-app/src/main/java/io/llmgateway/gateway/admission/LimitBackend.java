package io.llmgateway.gateway.admission;

import reactor.core.publisher.Mono;

/** Where limit and budget state lives: this process, or Redis shared by every replica. Never blocks. */
public interface LimitBackend {

    /** Checks every scope and the budget of the command atomically; books it only if all pass. */
    Mono<Verdict> acquire(AdmissionCommand command);

    /** Reconciles a booked command with what it really used and frees its concurrency slot. */
    Mono<Void> settle(Settlement settlement);

    /** {@code local} or {@code redis}, for logs and metrics. */
    String name();
}
