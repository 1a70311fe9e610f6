package io.llmgateway.policy;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The data classes of a policy, ordered from least to most sensitive, and the class of a request
 * nothing else classifies. Later classes never allow a zone an earlier one forbids (the loader checks).
 *
 * @param ordered      least sensitive first
 * @param defaultClass class of a request with no floor, header or finding (default: the lowest)
 */
public record DataClasses(List<DataClass> ordered, DataClass defaultClass) {

    /** public &lt; internal &lt; confidential &lt; secret; the first two may go external, the rest stay private. */
    public static final DataClasses DEFAULTS;

    static {
        Set<Zone> both = Set.of(Zone.PRIVATE, Zone.EXTERNAL);
        Set<Zone> priv = Set.of(Zone.PRIVATE);
        List<DataClass> l = List.of(new DataClass("public", 0, both), new DataClass("internal", 1, both),
                new DataClass("confidential", 2, priv), new DataClass("secret", 3, priv));
        DEFAULTS = new DataClasses(l, l.get(0));
    }

    public DataClasses {
        ordered = List.copyOf(ordered);
        Objects.requireNonNull(defaultClass, "defaultClass");
        if (ordered.isEmpty()) {
            throw new IllegalArgumentException("at least one data class is required");
        }
        for (int i = 0; i < ordered.size(); i++) {
            if (ordered.get(i).rank() != i) {
                throw new IllegalArgumentException("data class ranks must be 0..n-1 in order");
            }
        }
    }

    public Optional<DataClass> byId(String id) {
        for (DataClass c : ordered) {
            if (c.id().equals(id)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    public DataClass lowest() {
        return ordered.get(0);
    }

    public DataClass highest() {
        return ordered.get(ordered.size() - 1);
    }

    public static DataClass max(DataClass a, DataClass b) {
        return a == null ? b : b == null || a.rank() >= b.rank() ? a : b;
    }

    /** The classes from {@code floor} up, in order. */
    public List<DataClass> from(DataClass floor) {
        return ordered.subList(floor.rank(), ordered.size());
    }

    public List<String> ids() {
        return ordered.stream().map(DataClass::id).toList();
    }
}
