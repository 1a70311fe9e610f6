package io.llmgateway.sim.replay;

import io.llmgateway.policy.live.LoadSample;
import io.llmgateway.sim.GpuProfile;
import io.llmgateway.sim.GpuProfile.Batching;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The simulator's continuous-batching scheduler ({@code BatchingEngine}, docs/simulator.md) in virtual
 * time, with the same profile parameters: each step admits waiting jobs in arrival order while batch
 * slots ({@code max_num_seqs}) and KV cache (prompt + all output tokens reserved) allow, spends the token
 * budget on one decode token per running job and then on prefill chunks, and lasts
 * {@code decode_base_ms + decode_per_seq_ms * decoding + prefill_ms_per_1k_tokens * prefill / 1000}.
 * A job's first token comes at the end of the step that finishes its prefill. Jobs arriving at an idle
 * engine at the same instant share its first step; jobs arriving during a step wait for the next one.
 */
final class BatchingUpstream implements Upstream {

    private final Batching cfg;
    private final int maxModelLen;
    private final EventQueue clock;
    private final Listener listener;
    private final ArrayDeque<Job> waiting = new ArrayDeque<>();
    private final List<Job> running = new ArrayList<>();
    private final List<Job> done = new ArrayList<>();
    private final List<Job> first = new ArrayList<>();
    private int cancelledWaiting;
    private long kvReserved;
    private boolean stepping;
    private double busyMs;

    BatchingUpstream(GpuProfile profile, EventQueue clock, Listener listener) {
        this.cfg = profile.batching();
        this.maxModelLen = profile.maxModelLen();
        this.clock = clock;
        this.listener = listener;
    }

    @Override
    public String submit(Job job) {
        if (job.kvReservation() > maxModelLen || job.kvReservation() > cfg.kvCacheTokens()) {
            return "context_exceeded";
        }
        job.prefillRemaining = job.promptTokens;
        waiting.add(job);
        if (!stepping) {
            stepping = true; // the step starts after every job arriving at this instant (they share it)
            clock.at(clock.now(), this::step);
        }
        return null;
    }

    @Override
    public void cancel(Job job) {
        if (job.cancelled || job.finished) {
            return;
        }
        job.cancelled = true;
        if (!running.contains(job)) {
            cancelledWaiting++;
        }
    }

    @Override
    public LoadSample load(long epochMillis) {
        long kvUsed = 0;
        int live = 0;
        for (Job j : running) {
            if (!j.cancelled) {
                live++;
                kvUsed += j.promptTokens - j.prefillRemaining + j.emitted;
            }
        }
        return new LoadSample(live, waiting.size() - cancelledWaiting, Math.min(1.0, (double) kvUsed / cfg.kvCacheTokens()),
                epochMillis);
    }

    @Override
    public double busyMs() {
        return busyMs;
    }

    private void step() {
        running.removeIf(j -> j.cancelled && release(j));
        admit();
        if (running.isEmpty()) {
            stepping = false;
            return;
        }
        stepping = true;
        int decoding = 0;
        for (Job j : running) {
            j.decodingThisStep = j.prefillRemaining == 0;
            j.prefilledThisStep = false;
            decoding += j.decodingThisStep ? 1 : 0;
        }
        int budget = cfg.maxNumBatchedTokens() - decoding;
        int prefill = 0;
        for (int i = 0; i < running.size() && budget > 0; i++) {
            Job j = running.get(i);
            if (j.prefillRemaining > 0) {
                int chunk = Math.min(j.prefillRemaining, budget);
                j.prefillRemaining -= chunk;
                budget -= chunk;
                prefill += chunk;
                j.prefilledThisStep = j.prefillRemaining == 0;
            }
        }
        double stepMs = cfg.decodeBaseMs() + cfg.decodePerSeqMs() * decoding + cfg.prefillMsPer1kTokens() * prefill / 1000.0;
        clock.at(clock.now() + stepMs, () -> endStep(stepMs));
    }

    private void endStep(double stepMs) {
        busyMs += stepMs;
        for (Job j : running) {
            if (!j.cancelled && (j.decodingThisStep || j.prefilledThisStep)) {
                j.emitted++;
                if (j.prefilledThisStep) {
                    first.add(j);
                }
                if (j.emitted >= j.outputTokens) {
                    j.finished = true;
                    done.add(j);
                }
            }
        }
        running.removeIf(j -> j.finished && release(j));
        for (Job j : first) {
            listener.firstToken(j);
        }
        for (Job j : done) {
            listener.finished(j);
        }
        first.clear();
        done.clear();
        step();
    }

    private void admit() {
        while (!waiting.isEmpty()) {
            Job head = waiting.peek();
            if (head.cancelled) {
                waiting.poll();
                cancelledWaiting--;
                continue;
            }
            if (running.size() + 1 > cfg.maxNumSeqs() || kvReserved + head.kvReservation() > cfg.kvCacheTokens()) {
                return;
            }
            waiting.poll();
            running.add(head);
            kvReserved += head.kvReservation();
        }
    }

    private boolean release(Job j) {
        kvReserved -= j.kvReservation();
        return true;
    }
}
