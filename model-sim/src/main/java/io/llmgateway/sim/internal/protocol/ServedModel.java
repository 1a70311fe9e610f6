package io.llmgateway.sim.internal.protocol;

import java.util.Locale;

/**
 * A model a node serves. Names that look like embedding models serve only {@code /v1/embeddings}
 * (like a vLLM instance started with an embedding model); all others serve chat and completions.
 */
public record ServedModel(String name, boolean embedding, int embeddingDimensions, int maxModelLen) {

    public static ServedModel of(String name, int maxModelLen) {
        String n = name.toLowerCase(Locale.ROOT);
        boolean embedding = n.contains("embed") || n.contains("bge") || n.startsWith("e5") || n.contains("/e5")
                || n.contains("gte-") || n.contains("minilm");
        return new ServedModel(name, embedding, embedding ? dimensionsOf(n) : 0,
                embedding ? Math.min(maxModelLen, 8192) : maxModelLen);
    }

    private static int dimensionsOf(String n) {
        if (n.contains("text-embedding-3-large")) {
            return 3072;
        }
        if (n.contains("text-embedding-3-small") || n.contains("ada-002")) {
            return 1536;
        }
        if (n.contains("small") || n.contains("minilm")) {
            return 384;
        }
        if (n.contains("base") || n.contains("nomic")) {
            return 768;
        }
        return 1024;
    }
}
