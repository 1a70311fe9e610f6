package io.llmgateway.sim.replay;

import java.util.List;
import java.util.Map;

/**
 * What replaying a trace through one policy gave. Times in milliseconds, money in USD, shares 0..1;
 * NaN where nothing was measured (e.g. latency when nothing was served).
 *
 * @param run         what was replayed
 * @param counts      requests, served, refused by reason
 * @param cost        API and GPU cost
 * @param latency     of served requests, from arrival at the gateway (failovers and queueing included)
 * @param slo         attainment, as shares of all requests (refused ones miss it)
 * @param shares      served requests by pool and by zone
 * @param deployments per deployment, in policy order
 */
public record ReplayResult(Run run, Counts counts, Cost cost, Latency latency, SloAttainment slo, Shares shares,
                           List<DeploymentUsage> deployments) {

    public ReplayResult {
        deployments = List.copyOf(deployments);
    }

    /** @param policy policy source; @param version its content hash; @param trace trace source; @param workload synthetic facts; @param seed seed */
    public record Run(String policy, String version, String trace, Workload workload, long seed) {
    }

    /**
     * @param requests   requests in the trace (after --limit)
     * @param served     answered completely
     * @param refused    not served, by reason: the plan outcome when the plan was empty ({@code data_class_zone},
     *                   {@code no_candidate}, ...), else the last candidate's failure ({@code saturated},
     *                   {@code rate_limited}, {@code queue_timeout}, {@code first_token_timeout}, {@code context_exceeded})
     * @param failedOver served requests that needed more than one candidate
     */
    public record Counts(int requests, int served, Map<String, Integer> refused, int failedOver) {
        public Counts {
            refused = Map.copyOf(refused);
        }

        public int refusedTotal() {
            return refused.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /**
     * @param apiUsd         tokens of served requests x the deployment's {@code price}
     * @param gpuUsd         self-hosted: {@code gpus x gpu-hour-cost x window} for every deployment the policy routed this
     *                       traffic to (a candidate of at least one plan): provisioned time, whether busy or idle
     * @param gpuBusyUsd     the same rate x the time its engine was active (at least one sequence running): what a
     *                       fleet that could switch GPUs off the moment they idle would pay
     * @param windowSeconds  the replay window: first arrival to the last completion (or arrival)
     * @param selfHostedTokens prompt + output tokens served by self-hosted deployments
     */
    public record Cost(double apiUsd, double gpuUsd, double gpuBusyUsd, double windowSeconds, long selfHostedTokens) {

        public double totalUsd() {
            return apiUsd + gpuUsd;
        }

        /** Total cost per 1000 served requests. */
        public double per1kServed(int served) {
            return served == 0 ? Double.NaN : totalUsd() / served * 1000;
        }

        /** Provisioned GPU cost per million tokens served on self-hosted deployments. */
        public double gpuPer1mTokens() {
            return selfHostedTokens == 0 ? Double.NaN : gpuUsd / selfHostedTokens * 1e6;
        }
    }

    public record Latency(double ttftP50, double ttftP90, double ttftP99, double totalP50, double totalP99) {
    }

    /**
     * @param basis    what the requests were measured against, e.g. {@code ttft 2000 ms, total 60000 ms}
     * @param met      served within both objectives
     * @param ttftMet  served within the TTFT objective
     * @param totalMet served within the total objective
     */
    public record SloAttainment(String basis, double met, double ttftMet, double totalMet) {
    }

    public record Shares(Map<String, Double> byPool, Map<String, Double> byZone) {
        public Shares {
            byPool = Map.copyOf(byPool);
            byZone = Map.copyOf(byZone);
        }
    }

    /**
     * @param id           deployment id
     * @param pool         pool id
     * @param zone         private or external
     * @param profile      simulator profile that modelled it
     * @param served       requests it answered
     * @param tokens       prompt + output tokens it served
     * @param apiUsd       its token cost (priced deployments)
     * @param gpuUsd       its provisioned GPU cost (0 when the policy never routed this traffic to it)
     * @param busyShare    share of the window its engine was active, i.e. had at least one sequence running (not
     *                     utilisation: one running sequence counts as active); NaN for APIs
     */
    public record DeploymentUsage(String id, String pool, String zone, String profile, int served, long tokens,
                                  double apiUsd, double gpuUsd, double busyShare) {
    }
}
