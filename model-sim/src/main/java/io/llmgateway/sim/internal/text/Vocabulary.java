package io.llmgateway.sim.internal.text;

import java.util.List;
import java.util.random.RandomGenerator;

/** A small English-ish vocabulary the simulator writes its completions with. */
public final class Vocabulary {
    private static final List<String> WORDS = List.of(
            "the", "a", "of", "and", "to", "in", "is", "that", "for", "it", "as", "with", "on", "this", "be",
            "model", "request", "token", "cluster", "node", "latency", "batch", "cache", "answer", "system",
            "lorem", "ipsum", "dolor", "sit", "amet", "consectetur", "adipiscing", "elit", "sed", "tempor",
            "incididunt", "labore", "magna", "aliqua", "enim", "minim", "veniam", "quis", "nostrud", "ullamco",
            "data", "policy", "route", "gateway", "stream", "context", "value", "result", "simple", "quickly",
            "between", "because", "however", "several", "important", "different", "general", "second", "small",
            "large", "first", "last", "new", "good", "great", "other", "many", "some", "every", "each",
            "we", "you", "they", "can", "will", "should", "would", "could", "may", "must", "often", "rarely",
            "GPU", "memory", "throughput", "prompt", "output", "input", "user", "service", "report", "summary");

    private Vocabulary() {
    }

    public static String word(RandomGenerator rnd) {
        return WORDS.get(rnd.nextInt(WORDS.size()));
    }
}
