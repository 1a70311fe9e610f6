package io.llmgateway.sim.internal.engine;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/** Scheduler-side state of one request. Fields other than {@code cancelled} are touched only by the scheduler thread. */
final class Generation {
    final EngineRequest request;
    private final Sinks.Many<Integer> sink = Sinks.many().unicast().onBackpressureBuffer();
    private volatile boolean cancelled;
    int prefillRemaining;
    int stepsEmitted;
    long kvUsed;
    long nextDueNanos;
    long tpotNanos;

    Generation(EngineRequest request) {
        this.request = request;
        this.prefillRemaining = request.promptTokens();
    }

    Flux<Integer> flux() {
        return sink.asFlux().doOnCancel(() -> cancelled = true);
    }

    boolean cancelled() {
        return cancelled;
    }

    boolean finished() {
        return prefillRemaining == 0 && stepsEmitted >= request.steps();
    }

    /** Emits the next step; a failed emission (subscriber gone) marks the generation cancelled. */
    void emitStep() {
        int step = stepsEmitted++;
        kvUsed += request.activeChoicesAt(step);
        if (sink.tryEmitNext(step).isFailure()) {
            cancelled = true;
        }
    }

    void complete() {
        sink.tryEmitComplete();
    }

    void fail(Throwable error) {
        sink.tryEmitError(error);
    }
}
