package io.llmgateway.sim.internal.http;

import io.llmgateway.sim.FaultConfig;
import java.time.Duration;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Applies a request's mid-stream faults to its token steps. Steps are 0-based, so "after N tokens" acts
 * on the first step numbered N or more. {@link #MALFORMED} marks where an invalid payload goes.
 */
final class StepFaults {
    /** Marker step: render an invalid JSON payload here. */
    static final int MALFORMED = -1;

    private StepFaults() {
    }

    static Flux<Integer> apply(Flux<Integer> steps, FaultConfig f, Runnable dropConnection, Runnable faultHit) {
        Flux<Integer> out = steps;
        if (f.slowDripMs() > 0) {
            out = out.delayElements(Duration.ofMillis(f.slowDripMs()));
        }
        int malformedAt = f.malformedChunkAfterTokens();
        if (malformedAt >= 0) {
            out = out.concatMap(s -> {
                if (s != malformedAt) {
                    return Flux.just(s);
                }
                faultHit.run();
                return Flux.just(MALFORMED, s);
            });
        }
        int stallAt = f.stallMidStreamAfterTokens();
        if (stallAt >= 0) {
            out = out.concatMap(s -> s < stallAt ? Flux.just(s) : Mono.fromRunnable(faultHit).thenMany(Flux.never()));
        }
        int dropAt = f.dropMidStreamAfterTokens();
        if (dropAt >= 0) {
            out = out.concatMap(s -> s < dropAt ? Flux.just(s) : Mono.fromRunnable(() -> {
                faultHit.run();
                dropConnection.run();
            }).thenMany(Flux.never()));
        }
        return out;
    }
}
