package io.llmgateway.policy.live;

import java.util.concurrent.atomic.AtomicInteger;

/** Load of one deployment: requests the gateway has in flight to it, and the engine's own gauges when scraped. */
public final class LoadTracker {

    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile LoadSample scraped;

    public void started() {
        inFlight.incrementAndGet();
    }

    public void ended() {
        inFlight.decrementAndGet();
    }

    public int inFlight() {
        return Math.max(0, inFlight.get());
    }

    public void scraped(LoadSample sample) {
        this.scraped = sample;
    }

    /** The last scraped sample, or null. */
    public LoadSample scraped() {
        return scraped;
    }
}
