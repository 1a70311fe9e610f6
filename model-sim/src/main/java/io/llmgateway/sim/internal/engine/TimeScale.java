package io.llmgateway.sim.internal.engine;

import java.util.concurrent.locks.LockSupport;

/** Converts modelled milliseconds to wall-clock nanoseconds under a speed factor, and sleeps precisely. */
public record TimeScale(double speed) {
    public TimeScale {
        if (!(speed > 0)) {
            throw new IllegalArgumentException("speed must be > 0, was " + speed);
        }
    }

    public long wallNanos(double modelledMs) {
        return (long) (modelledMs * 1_000_000.0 / speed);
    }

    /** Parks the current thread until {@code System.nanoTime() >= deadline}; returns early only on interrupt. */
    public static void sleepUntil(long deadline) {
        long left;
        while ((left = deadline - System.nanoTime()) > 0) {
            LockSupport.parkNanos(left);
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
        }
    }
}
