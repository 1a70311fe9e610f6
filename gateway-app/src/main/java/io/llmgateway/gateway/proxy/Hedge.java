package io.llmgateway.gateway.proxy;

import io.llmgateway.adapter.error.GatewayException;
import java.time.Duration;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicReference;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * A race between the primary attempt and a backup that starts when the primary has produced no first
 * token (stream) or answer (non-stream) within {@code after}, or as soon as the primary fails. The
 * first to produce a value wins; the other is cancelled (its upstream connection closed). If both fail,
 * a non-retryable error wins (it says something about the request), else the primary's.
 */
final class Hedge {

    private Hedge() {
    }

    static <T> Flux<T> stream(Flux<T> primary, Flux<T> backup, Duration after, Runnable onHedge) {
        Errors errors = new Errors();
        Sinks.Empty<Void> primaryFailed = Sinks.empty();
        Flux<T> p = primary.doOnError(e -> errors.primaryFailed(e, primaryFailed));
        Flux<T> b = errors.delayed(after, primaryFailed, onHedge).thenMany(Flux.defer(() -> backup)).doOnError(errors.backup::set);
        return Flux.firstWithValue(p, b).onErrorMap(NoSuchElementException.class, errors::pick);
    }

    static <T> Mono<T> complete(Mono<T> primary, Mono<T> backup, Duration after, Runnable onHedge) {
        Errors errors = new Errors();
        Sinks.Empty<Void> primaryFailed = Sinks.empty();
        Mono<T> p = primary.doOnError(e -> errors.primaryFailed(e, primaryFailed));
        Mono<T> b = errors.delayed(after, primaryFailed, onHedge).then(Mono.defer(() -> backup)).doOnError(errors.backup::set);
        return Mono.firstWithValue(p, b).onErrorMap(NoSuchElementException.class, errors::pick);
    }

    private static final class Errors {
        final AtomicReference<Throwable> primary = new AtomicReference<>();
        final AtomicReference<Throwable> backup = new AtomicReference<>();

        void primaryFailed(Throwable e, Sinks.Empty<Void> signal) {
            primary.set(e);
            signal.tryEmitEmpty();
        }

        /** Completes after the hedge delay or when the primary failed, whichever is first. */
        Mono<Void> delayed(Duration after, Sinks.Empty<Void> primaryFailed, Runnable onHedge) {
            return Mono.firstWithSignal(Mono.delay(after).then(), primaryFailed.asMono()).doOnSuccess(v -> onHedge.run());
        }

        Throwable pick(NoSuchElementException none) {
            Throwable p = primary.get();
            Throwable b = backup.get();
            if (b instanceof GatewayException g && !g.retryable() && !(p instanceof GatewayException pg && !pg.retryable())) {
                return b;
            }
            return p != null ? p : b != null ? b : none;
        }
    }
}
