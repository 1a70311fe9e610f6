package io.llmgateway.gateway.observe;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * One meter name with a fixed list of tag keys, its meters kept by their tag values. A lookup by values is a
 * hash of a few strings; the registry's own lookup builds and sorts a {@link Tags}, a {@link Meter.Id} and
 * runs the meter filters every time, which for the dozen meters a request records was a few percent of the
 * gateway's CPU. The gateway never removes its meters from the registry, so a kept meter stays the
 * registered one; the set of kept meters is the registry's own series of this name (bounded by the policy's
 * tag values).
 */
final class MeterFamily<M extends Meter> {

    private final String[] keys;
    private final Function<Tags, M> register;
    private final ConcurrentHashMap<Values, M> meters = new ConcurrentHashMap<>();

    MeterFamily(Function<Tags, M> register, String... keys) {
        this.register = register;
        this.keys = keys.clone();
    }

    static MeterFamily<Counter> counter(MeterRegistry registry, String name, String... keys) {
        return new MeterFamily<>(tags -> registry.counter(name, tags), keys);
    }

    /** The meter with these tag values, one per key in order, registered on first use. */
    M get(String... values) {
        if (values.length != keys.length) {
            throw new IllegalArgumentException("expected " + keys.length + " tag values, got " + values.length);
        }
        Values key = new Values(values);
        M m = meters.get(key);
        return m != null ? m : meters.computeIfAbsent(key, k -> register.apply(k.tags(keys)));
    }

    private static final class Values {
        private final String[] values;
        private final int hash;

        Values(String[] values) {
            this.values = values;
            this.hash = Arrays.hashCode(values);
        }

        Tags tags(String[] keys) {
            Tag[] tags = new Tag[keys.length];
            for (int i = 0; i < keys.length; i++) {
                tags[i] = Tag.of(keys[i], values[i]);
            }
            return Tags.of(tags);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Values v && Arrays.equals(values, v.values);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
