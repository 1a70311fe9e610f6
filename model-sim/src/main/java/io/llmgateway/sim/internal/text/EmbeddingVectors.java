package io.llmgateway.sim.internal.text;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;
import java.util.SplittableRandom;

/** Deterministic unit-norm embedding vectors: a Gaussian vector seeded by a hash of model and input, normalised. */
public final class EmbeddingVectors {
    private EmbeddingVectors() {
    }

    /** The vector for an input; {@code inputHash} is a hash of the input's content. */
    public static float[] embed(String model, long inputHash, int dimensions) {
        SplittableRandom rnd = new SplittableRandom(Seeds.mix(Seeds.hash(model), inputHash));
        double[] v = new double[dimensions];
        double norm = 0;
        for (int i = 0; i < dimensions; i++) {
            v[i] = rnd.nextGaussian();
            norm += v[i] * v[i];
        }
        norm = Math.sqrt(norm);
        float[] out = new float[dimensions];
        for (int i = 0; i < dimensions; i++) {
            out[i] = (float) (v[i] / norm);
        }
        return out;
    }

    /** OpenAI's {@code encoding_format: base64}: little-endian float32 bytes, base64-encoded. */
    public static String base64(float[] vector) {
        ByteBuffer buf = ByteBuffer.allocate(vector.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float f : vector) {
            buf.putFloat(f);
        }
        return Base64.getEncoder().encodeToString(buf.array());
    }
}
