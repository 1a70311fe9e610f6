package io.llmgateway.gateway.status;

import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/** Cumulative traffic of an app (or of everything): requests, failures, tokens, cost. */
public final class Traffic {

    private final LongAdder requests = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder promptTokens = new LongAdder();
    private final LongAdder completionTokens = new LongAdder();
    private final DoubleAdder costUsd = new DoubleAdder();

    void add(boolean fail, long prompt, long completion, double usd) {
        requests.increment();
        if (fail) {
            failed.increment();
        }
        promptTokens.add(prompt);
        completionTokens.add(completion);
        costUsd.add(usd);
    }

    public long requests() { return requests.sum(); }
    public long failed() { return failed.sum(); }
    public long promptTokens() { return promptTokens.sum(); }
    public long completionTokens() { return completionTokens.sum(); }
    public double costUsd() { return costUsd.sum(); }
}
