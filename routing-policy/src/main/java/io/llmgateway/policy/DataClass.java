package io.llmgateway.policy;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * One level of data sensitivity and the zones allowed to receive it.
 *
 * @param id    name used in the policy, the {@code x-data-class} header and {@code x-gateway-data-class}
 * @param rank  position from least (0) to most sensitive
 * @param zones zones that may receive requests of this class (never empty)
 */
public record DataClass(String id, int rank, Set<Zone> zones) {

    public DataClass {
        Objects.requireNonNull(id, "id");
        if (zones.isEmpty()) {
            throw new IllegalArgumentException("data class '" + id + "' allows no zone");
        }
        zones = Set.copyOf(EnumSet.copyOf(zones));
    }

    public boolean allows(Zone zone) {
        return zones.contains(zone);
    }

    /** Whether this class is at least as sensitive as {@code other}. */
    public boolean atLeast(DataClass other) {
        return rank >= other.rank;
    }
}
