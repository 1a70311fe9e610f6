package io.llmgateway.policy.rule;

/**
 * An inclusive range of estimated prompt tokens ({@code gt/gte/lt/lte} compiled to bounds).
 *
 * @param min smallest matching count
 * @param max largest matching count
 */
public record TokenRange(long min, long max) {

    public boolean contains(long tokens) {
        return tokens >= min && tokens <= max;
    }
}
