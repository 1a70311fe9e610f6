package io.llmgateway.gateway.proxy;

import io.llmgateway.adapter.schema.OpenAiRequest;

/** One execution in progress: what is being executed and whether any upstream output was relayed yet. */
final class Run {

    private final CallContext call;
    private final OpenAiRequest request;
    private final Execution execution;
    private volatile boolean relayed;

    Run(CallContext call, OpenAiRequest request, Execution execution) {
        this.call = call;
        this.request = request;
        this.execution = execution;
    }

    CallContext call() {
        return call;
    }

    OpenAiRequest request() {
        return request;
    }

    Execution execution() {
        return execution;
    }

    /** An attempt produced output: from now on no retry and no failover, an error ends the answer. */
    void relayed() {
        relayed = true;
    }

    /** Whether another attempt may still replace a failed one (nothing relayed, nothing sent to the client). */
    boolean replaceable() {
        return !relayed && !call.committed();
    }
}
