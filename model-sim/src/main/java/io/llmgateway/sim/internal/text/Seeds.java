package io.llmgateway.sim.internal.text;

import java.nio.charset.StandardCharsets;

/** Deterministic 64-bit seed derivation: FNV-1a for text, SplitMix64 finalisation for mixing. */
public final class Seeds {
    private Seeds() {
    }

    public static long hash(String text) {
        long h = 0xcbf29ce484222325L;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return finish(h);
    }

    /** Combines parts in order; {@code mix(a, b) != mix(b, a)}. */
    public static long mix(long... parts) {
        long h = 0x9E3779B97F4A7C15L;
        for (long p : parts) {
            h = finish(h ^ p) + 0x9E3779B97F4A7C15L;
        }
        return finish(h);
    }

    private static long finish(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
