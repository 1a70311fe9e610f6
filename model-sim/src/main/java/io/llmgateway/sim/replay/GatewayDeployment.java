package io.llmgateway.sim.replay;

import io.llmgateway.policy.Deployment;
import io.llmgateway.policy.live.LiveTrackers;
import io.llmgateway.policy.live.LoadTracker;
import java.util.ArrayDeque;

/**
 * The gateway's side of one deployment, as the executor runs it: {@code max-concurrency} slots, a waiting
 * room of {@code resilience.max-queue} where a request waits at most the first-token timeout, the
 * first-token timeout itself (the job is cancelled and the executor fails over), and the same
 * {@link LiveTrackers} the gateway uses: the in-flight count the planner reads counts attempts holding a
 * slot (as the gateway's, which starts an attempt once its permit is granted; the waiting room is not
 * counted), and every finished job's TTFT and total time from that moment feed the latency tracker.
 * Circuit breakers are not modelled (no faults are injected).
 */
final class GatewayDeployment implements Upstream.Listener {

    private final Deployment deployment;
    private final EventQueue clock;
    private final LiveTrackers trackers;
    private final LoadTracker load;
    private final AttemptListener executor;
    private final int maxConcurrency;
    private final int maxQueue;
    private final double firstTokenTimeoutMs;
    private final ArrayDeque<Job> room = new ArrayDeque<>();
    private Upstream upstream;
    private int sending;

    GatewayDeployment(Deployment deployment, EventQueue clock, LiveTrackers trackers, AttemptListener executor) {
        this.deployment = deployment;
        this.clock = clock;
        this.trackers = trackers;
        this.load = trackers.load(deployment.id());
        this.executor = executor;
        this.maxConcurrency = deployment.profile().maxConcurrency();
        this.maxQueue = deployment.resilience().maxQueue();
        this.firstTokenTimeoutMs = deployment.timeouts().firstToken().toNanos() / 1e6;
    }

    void connect(Upstream u) {
        this.upstream = u;
    }

    Upstream upstream() {
        return upstream;
    }

    Deployment deployment() {
        return deployment;
    }

    /** Starts an attempt; null when it was sent or queued, else why it was refused at once. */
    String enter(Call call, long seed) {
        Job job = new Job(call, deployment.id(), seed);
        if (maxConcurrency <= 0 || sending < maxConcurrency) {
            return send(job);
        }
        if (room.size() < maxQueue) {
            room.add(job);
            clock.at(clock.now() + firstTokenTimeoutMs, () -> {
                if (room.remove(job)) {
                    executor.failed(call, "queue_timeout");
                }
            });
            return null;
        }
        return "saturated";
    }

    private String send(Job job) {
        String refused = upstream.submit(job);
        if (refused != null) {
            return refused;
        }
        sending++;
        load.started();
        job.sentMs = clock.now();
        clock.at(clock.now() + firstTokenTimeoutMs, () -> {
            if (!job.started() && !job.cancelled && !job.finished) {
                upstream.cancel(job);
                release();
                executor.failed(job.call, "first_token_timeout");
            }
        });
        return null;
    }

    @Override
    public void firstToken(Job job) {
        job.firstTokenMs = clock.now();
        executor.firstToken(job);
    }

    @Override
    public void finished(Job job) {
        double now = clock.now();
        long ttftNanos = Math.round((job.firstTokenMs - job.sentMs) * 1e6);
        long totalNanos = Math.round((now - job.sentMs) * 1e6);
        trackers.latency(deployment.id()).record(true, ttftNanos, totalNanos, job.outputTokens, trackers.now());
        release();
        executor.finished(job);
    }

    private void release() {
        sending--;
        load.ended();
        while (!room.isEmpty() && (maxConcurrency <= 0 || sending < maxConcurrency)) {
            Job next = room.poll();
            String refused = send(next);
            if (refused != null) {
                executor.failed(next.call, refused);
            }
        }
    }
}
