package io.llmgateway.sim.replay;

/** What the simulated executor learns about the attempts it started. */
interface AttemptListener {

    void firstToken(Job job);

    void finished(Job job);

    /** The attempt failed before its first token ({@code queue_timeout}, {@code first_token_timeout}, ...): try the next candidate. */
    void failed(Call call, String reason);
}
