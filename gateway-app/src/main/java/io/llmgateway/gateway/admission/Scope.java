package io.llmgateway.gateway.admission;

import io.llmgateway.policy.Limits;
import java.util.Objects;

/**
 * One set of limits a request counts against: the app as a whole ({@code app}) or the app on one model
 * alias ({@code model:<alias>}).
 *
 * @param name   key part, unique within the app
 * @param limits rpm, tpm, concurrency (0 = unlimited)
 */
public record Scope(String name, Limits limits) {

    public Scope {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(limits, "limits");
    }

    /** The same scope with each limit divided among {@code replicas} (rounded up, never below 1). */
    Scope share(int replicas) {
        if (replicas <= 1) {
            return this;
        }
        return new Scope(name, new Limits((int) part(limits.rpm(), replicas), part(limits.tpm(), replicas),
                (int) part(limits.concurrency(), replicas)));
    }

    private static long part(long v, int n) {
        return v <= 0 ? 0 : Math.max(1, (v + n - 1) / n);
    }
}
