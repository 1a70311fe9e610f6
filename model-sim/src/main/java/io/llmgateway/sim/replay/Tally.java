package io.llmgateway.sim.replay;

import io.llmgateway.policy.Deployment;
import io.llmgateway.policy.Policy;
import io.llmgateway.policy.Pool;
import io.llmgateway.policy.Price;
import io.llmgateway.policy.cost.RequestCost;
import io.llmgateway.policy.route.RoutePlan;
import io.llmgateway.sim.GpuProfile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Counts one replay as it runs and turns the counts into a {@link ReplayResult}. */
final class Tally {

    /** Per deployment, in policy order. */
    private static final class Usage {
        final Deployment deployment;
        final GpuProfile profile;
        final Upstream upstream;
        boolean routed;
        int served;
        long tokens;
        double apiUsd;

        Usage(Deployment deployment, GpuProfile profile, Upstream upstream) {
            this.deployment = deployment;
            this.profile = profile;
            this.upstream = upstream;
        }
    }

    private final Policy policy;
    private final Map<String, Usage> usage = new LinkedHashMap<>();
    private final Map<String, Integer> refused = new TreeMap<>();
    private final Quantiles ttft = new Quantiles();
    private final Quantiles total = new Quantiles();
    private int requests;
    private int served;
    private int failedOver;
    private int ttftMet;
    private int totalMet;
    private int bothMet;
    private double lastMs;

    Tally(Policy policy) {
        this.policy = policy;
    }

    void deployment(Deployment d, GpuProfile profile, Upstream upstream) {
        usage.put(d.id(), new Usage(d, profile, upstream));
    }

    void planned(RoutePlan plan, double nowMs) {
        requests++;
        lastMs = Math.max(lastMs, nowMs);
        for (RoutePlan.Candidate c : plan.candidates()) {
            usage.get(c.deployment().id()).routed = true;
        }
    }

    void refused(String reason, double nowMs) {
        refused.merge(reason, 1, Integer::sum);
        lastMs = Math.max(lastMs, nowMs);
    }

    void served(Call call, Job job, double nowMs, SloTarget slo) {
        double t = call.firstTokenMs - call.request.arrivalMs();
        double e = nowMs - call.request.arrivalMs();
        served++;
        failedOver += call.attempts > 1 ? 1 : 0;
        ttft.add(t);
        total.add(e);
        ttftMet += t <= slo.ttftMs() ? 1 : 0;
        totalMet += e <= slo.totalMs() ? 1 : 0;
        bothMet += t <= slo.ttftMs() && e <= slo.totalMs() ? 1 : 0;
        lastMs = Math.max(lastMs, nowMs);
        Usage u = usage.get(job.deploymentId);
        u.served++;
        u.tokens += job.promptTokens + job.outputTokens;
        Price p = u.deployment.profile().price();
        if (p != null) {
            u.apiUsd += RequestCost.api(p.inputPer1m(), p.outputPer1m(), p.cachedInputPer1m(), job.promptTokens, 0, job.outputTokens);
        }
    }

    ReplayResult result(ReplayResult.Run run, String sloBasis) {
        double windowHours = lastMs / 3_600_000.0;
        double api = 0;
        double gpu = 0;
        double busy = 0;
        long selfHostedTokens = 0;
        Map<String, Double> byPool = new TreeMap<>();
        Map<String, Double> byZone = new TreeMap<>();
        List<ReplayResult.DeploymentUsage> rows = new ArrayList<>();
        for (Usage u : usage.values()) {
            Deployment d = u.deployment;
            boolean priced = d.profile().price() != null;
            double perHour = priced ? 0 : d.profile().gpus() * gpuHourCost(d, u.profile);
            double g = u.routed ? perHour * windowHours : 0;
            double busyMs = u.upstream.busyMs();
            api += u.apiUsd;
            gpu += g;
            busy += perHour * busyMs / 3_600_000.0;
            selfHostedTokens += priced ? 0 : u.tokens;
            if (u.served > 0) {
                byPool.merge(d.pool(), (double) u.served / served, Double::sum);
                byZone.merge(d.zone().id(), (double) u.served / served, Double::sum);
            }
            double busyShare = u.profile.kind() == GpuProfile.Kind.GPU && lastMs > 0 ? busyMs / lastMs : Double.NaN;
            rows.add(new ReplayResult.DeploymentUsage(d.id(), d.pool(), d.zone().id(), u.profile.name(), u.served, u.tokens,
                    u.apiUsd, g, busyShare));
        }
        return new ReplayResult(run,
                new ReplayResult.Counts(requests, served, refused, failedOver),
                new ReplayResult.Cost(api, gpu, busy, lastMs / 1000.0, selfHostedTokens),
                new ReplayResult.Latency(ttft.at(0.5), ttft.at(0.9), ttft.at(0.99), total.at(0.5), total.at(0.99)),
                new ReplayResult.SloAttainment(sloBasis, share(bothMet), share(ttftMet), share(totalMet)),
                new ReplayResult.Shares(byPool, byZone), rows);
    }

    /** The pool's {@code gpu-hour-cost}, else the simulator profile's price of one GPU-hour. */
    private double gpuHourCost(Deployment d, GpuProfile profile) {
        Pool pool = policy.poolOf(d);
        return pool != null && pool.hasGpuHourCost() ? pool.gpuHourCost() : profile.cost().gpuHourUsd();
    }

    private double share(int n) {
        return requests == 0 ? Double.NaN : (double) n / requests;
    }
}
