package io.llmgateway.policy;

/**
 * Rate and concurrency limits (applied by admission); 0 means unlimited.
 *
 * @param rpm         requests per minute
 * @param tpm         tokens per minute (prompt + max_tokens reserved)
 * @param concurrency requests in flight at once
 */
public record Limits(int rpm, long tpm, int concurrency) {

    public static final Limits NONE = new Limits(0, 0, 0);

    public boolean unlimited() {
        return rpm == 0 && tpm == 0 && concurrency == 0;
    }
}
