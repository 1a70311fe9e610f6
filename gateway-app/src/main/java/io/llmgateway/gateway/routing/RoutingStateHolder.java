package io.llmgateway.gateway.routing;

import java.util.concurrent.atomic.AtomicReference;

/** The live routing state; readers take one snapshot per request, reloads swap it atomically. */
public final class RoutingStateHolder {

    private final AtomicReference<RoutingState> current;

    public RoutingStateHolder(RoutingState initial) {
        this.current = new AtomicReference<>(initial);
    }

    public RoutingState current() {
        return current.get();
    }

    public void replace(RoutingState next) {
        current.set(next);
    }
}
