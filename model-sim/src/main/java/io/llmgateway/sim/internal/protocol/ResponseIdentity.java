package io.llmgateway.sim.internal.protocol;

import java.util.concurrent.ThreadLocalRandom;

/** The fields every response object and chunk repeats: id, creation time, model, optional system fingerprint. */
public record ResponseIdentity(String id, long created, String model, String systemFingerprint) {

    public static ResponseIdentity create(String prefix, String model, String systemFingerprint) {
        ThreadLocalRandom rnd = ThreadLocalRandom.current();
        String id = prefix + Long.toHexString(rnd.nextLong() | Long.MIN_VALUE) + Long.toHexString(rnd.nextLong() | Long.MIN_VALUE);
        return new ResponseIdentity(id, System.currentTimeMillis() / 1000, model, systemFingerprint);
    }
}
