package io.llmgateway.sim.replay;

import io.llmgateway.policy.Deployment;
import io.llmgateway.policy.Policy;
import io.llmgateway.policy.live.CircuitStates;
import io.llmgateway.policy.live.LiveTrackers;
import io.llmgateway.policy.route.Planner;
import io.llmgateway.policy.route.RoutePlan;
import io.llmgateway.policy.rule.Rule;
import io.llmgateway.sim.GpuProfile;
import io.llmgateway.sim.internal.text.Seeds;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One replay of a trace through one policy: arrivals in virtual time, the gateway's {@link Planner} with
 * a snapshot of the gateway's own {@link LiveTrackers} fed by the simulation, the executor's failover
 * over the plan's candidates, and the simulated upstreams.
 */
final class ReplayRun implements AttemptListener {

    private static final long STALE_AFTER_MILLIS = 30_000;

    private final Policy policy;
    private final Trace trace;
    private final ReplayOptions options;
    private final EventQueue clock = new EventQueue();
    private final Planner planner = new Planner();
    private final LiveTrackers trackers;
    private final SyntheticFacts facts;
    private final Tally tally;
    private final Map<String, GatewayDeployment> deployments = new LinkedHashMap<>();
    private final Map<String, Double> scrapedAt = new LinkedHashMap<>();
    private final Map<String, SloTarget> sloByRule = new LinkedHashMap<>();
    private final double scrapeEveryMs;

    ReplayRun(Policy policy, Trace trace, ReplayOptions options) {
        this.policy = policy;
        this.trace = trace;
        this.options = options;
        long start = trace.requests().isEmpty() ? 0 : trace.requests().get(0).epochMillis();
        this.trackers = new LiveTrackers(() -> start + (long) clock.now(), STALE_AFTER_MILLIS);
        this.facts = new SyntheticFacts(policy, options.workload(), options.seed());
        this.tally = new Tally(policy);
        this.scrapeEveryMs = options.scrapeInterval().toNanos() / 1e6;
        for (Deployment d : policy.deployments().values()) {
            GpuProfile profile = UpstreamProfiles.of(policy, d, options);
            GatewayDeployment g = new GatewayDeployment(d, clock, trackers, this);
            g.connect(profile.kind() == GpuProfile.Kind.GPU ? new BatchingUpstream(profile, clock, g)
                    : new ApiUpstream(profile, options.apiRateLimits(), clock, g));
            deployments.put(d.id(), g);
            tally.deployment(d, profile, g.upstream());
        }
        for (Rule r : policy.rules()) {
            sloByRule.put(r.name(), options.slo() != null || r.route() == null ? base() : base().orRule(r.route().slo()));
        }
    }

    ReplayResult run() {
        for (TraceRequest r : trace.requests()) {
            clock.at(r.arrivalMs(), () -> arrive(r));
        }
        clock.run();
        ReplayResult.Run run = new ReplayResult.Run(policy.source(), policy.version(), trace.source(), options.workload(),
                options.seed());
        return tally.result(run, sloBasis());
    }

    private void arrive(TraceRequest r) {
        scrape();
        var f = facts.facts(r);
        RoutePlan plan = planner.plan(policy, f, trackers.snapshot(policy, CircuitStates.ALL_CLOSED));
        tally.planned(plan, clock.now());
        if (plan.candidates().isEmpty()) {
            tally.refused(plan.outcome().name().toLowerCase(Locale.ROOT), clock.now());
            return;
        }
        tryNext(new Call(r, f, plan));
    }

    /** The executor: the plan's candidates in order until one takes the request. */
    private void tryNext(Call call) {
        var candidates = call.plan.candidates();
        while (call.next < candidates.size()) {
            String id = candidates.get(call.next++).deployment().id();
            call.attempts++;
            long seed = Seeds.mix(options.seed(), call.request.index(), Seeds.hash(id), call.attempts);
            String refused = deployments.get(id).enter(call, seed);
            if (refused == null) {
                return;
            }
            call.lastFailure = refused;
        }
        tally.refused(call.lastFailure, clock.now());
    }

    @Override
    public void firstToken(Job job) {
        if (Double.isNaN(job.call.firstTokenMs)) {
            job.call.firstTokenMs = clock.now();
        }
    }

    @Override
    public void finished(Job job) {
        Call call = job.call;
        SloTarget slo = call.plan.rule() == null ? base() : sloByRule.get(call.plan.rule());
        tally.served(call, job, clock.now(), slo);
    }

    @Override
    public void failed(Call call, String reason) {
        call.lastFailure = reason;
        tryNext(call);
    }

    /** Re-reads the engine load of deployments with a {@code metrics-url} when the last reading is a scrape interval old. */
    private void scrape() {
        double now = clock.now();
        for (GatewayDeployment g : deployments.values()) {
            Deployment d = g.deployment();
            if (d.profile().metricsUrl() == null) {
                continue;
            }
            Double last = scrapedAt.get(d.id());
            if (last == null || now - last >= scrapeEveryMs) {
                scrapedAt.put(d.id(), now);
                trackers.load(d.id()).scraped(g.upstream().load(trackers.now()));
            }
        }
    }

    private SloTarget base() {
        return options.slo() == null ? SloTarget.DEFAULT : options.slo();
    }

    private String sloBasis() {
        SloTarget b = base();
        String fixed = "TTFT " + Math.round(b.ttftMs()) + " ms, total " + Math.round(b.totalMs()) + " ms";
        return options.slo() != null ? fixed + " for every request" : "the matched rule's slo where set, else " + fixed;
    }
}
