package io.llmgateway.sim.replay;

/**
 * One attempt of a request on one simulated upstream, with the engine's bookkeeping. Mutable and
 * confined to the replay's single thread.
 */
final class Job {

    final Call call;
    final String deploymentId;
    final int promptTokens;
    final int outputTokens;
    final long seed;
    /** Virtual time it got a slot and was sent upstream. */
    double sentMs = Double.NaN;
    double firstTokenMs = Double.NaN;
    boolean cancelled;
    boolean finished;

    // continuous-batching state
    int prefillRemaining;
    int emitted;
    boolean decodingThisStep;
    boolean prefilledThisStep;

    Job(Call call, String deploymentId, long seed) {
        this.call = call;
        this.deploymentId = deploymentId;
        this.promptTokens = call.request.promptTokens();
        this.outputTokens = call.request.outputTokens();
        this.seed = seed;
    }

    boolean started() {
        return !Double.isNaN(firstTokenMs);
    }

    /** KV-cache tokens the job needs at its peak: prompt plus every output token (as the simulator reserves). */
    long kvReservation() {
        return (long) promptTokens + outputTokens;
    }
}
