package io.llmgateway.sim.replay;

import io.llmgateway.policy.live.LoadSample;
import io.llmgateway.sim.GpuProfile;
import io.llmgateway.sim.GpuProfile.ApiBehaviour;
import java.util.SplittableRandom;

/**
 * The simulator's closed-API behaviour ({@code ApiLatencyEngine}, docs/simulator.md) in virtual time:
 * no batching limit; each job's TTFT is lognormal (median {@code ttft_median_ms}, shape {@code ttft_sigma})
 * and its time per output token uniform in {@code [tpot_min_ms, tpot_max_ms]}, drawn from the job's seed.
 * The profile's per-minute request and token limits apply per deployment unless switched off; a refusal
 * is a 429, on which the gateway fails over.
 */
final class ApiUpstream implements Upstream {

    private final ApiBehaviour cfg;
    private final int maxModelLen;
    private final EventQueue clock;
    private final Listener listener;
    private final RateLimit limits;
    private int inFlight;

    ApiUpstream(GpuProfile profile, boolean rateLimited, EventQueue clock, Listener listener) {
        this.cfg = profile.api();
        this.maxModelLen = profile.maxModelLen();
        this.clock = clock;
        this.listener = listener;
        this.limits = rateLimited ? new RateLimit(cfg.requestsPerMinute(), cfg.tokensPerMinute()) : new RateLimit(0, 0);
    }

    @Override
    public String submit(Job job) {
        if (job.kvReservation() > maxModelLen) {
            return "context_exceeded";
        }
        if (!limits.admit(clock.now(), job.kvReservation())) {
            return "rate_limited";
        }
        SplittableRandom rnd = new SplittableRandom(job.seed);
        double ttftMs = cfg.ttftMedianMs() * Math.exp(cfg.ttftSigma() * rnd.nextGaussian());
        double tpotMs = cfg.tpotMinMs() + (cfg.tpotMaxMs() - cfg.tpotMinMs()) * rnd.nextDouble();
        double start = clock.now();
        inFlight++;
        clock.at(start + ttftMs, () -> {
            if (!job.cancelled) {
                listener.firstToken(job);
            }
        });
        clock.at(start + ttftMs + (job.outputTokens - 1) * tpotMs, () -> {
            if (!job.cancelled) {
                job.finished = true;
                inFlight--;
                listener.finished(job);
            }
        });
        return null;
    }

    @Override
    public void cancel(Job job) {
        if (!job.cancelled && !job.finished) {
            job.cancelled = true;
            inFlight--;
        }
    }

    @Override
    public LoadSample load(long epochMillis) {
        return new LoadSample(inFlight, 0, Double.NaN, epochMillis);
    }

    @Override
    public double busyMs() {
        return 0;
    }
}
