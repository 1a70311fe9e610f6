package io.llmgateway.sim.replay;

import io.llmgateway.policy.live.LoadSample;

/** A simulated upstream in virtual time: a continuous-batching GPU node or a closed model API. */
interface Upstream {

    /** What an upstream tells about its jobs. */
    interface Listener {
        void firstToken(Job job);

        void finished(Job job);
    }

    /** Takes the job, or says why not ({@code rate_limited}, {@code context_exceeded}): the gateway fails over. */
    String submit(Job job);

    /** Drops a job that has not finished (the gateway gave up on it); frees its slot and KV cache. */
    void cancel(Job job);

    /** What the engine's {@code /metrics} would show now. */
    LoadSample load(long epochMillis);

    /** Virtual milliseconds the engine spent running steps (0 for an API). */
    double busyMs();
}
