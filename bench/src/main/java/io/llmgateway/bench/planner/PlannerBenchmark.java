package io.llmgateway.bench.planner;

import io.llmgateway.policy.DataClass;
import io.llmgateway.policy.Policy;
import io.llmgateway.policy.PolicyLoader;
import io.llmgateway.policy.live.CircuitState;
import io.llmgateway.policy.live.CircuitStates;
import io.llmgateway.policy.live.LiveSnapshot;
import io.llmgateway.policy.live.LiveTrackers;
import io.llmgateway.policy.live.LoadSample;
import io.llmgateway.policy.route.Planner;
import io.llmgateway.policy.route.RequestFacts;
import io.llmgateway.policy.route.RoutePlan;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Planning time with 50 deployments (5 pools, 4 of them private GPU pools) and 30 rules, against a live
 * snapshot in which every deployment has latency, throughput, in-flight and scraped load. The requests
 * cycle through cases that match an early rule, a late rule (cheapest over a 10-deployment pool with an
 * SLO and fallbacks), no rule (the alias's 12 deployments), and a confidential request that rejects the
 * external half. Target: p99 under 20 us per plan.
 *
 * <pre>java -jar bench/target/benchmarks.jar Planner -f 1 -wi 3 -i 5 -bm sample -tu us</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PlannerBenchmark {

    static final String[] POOLS = {"a100", "a10", "l40", "h100", "openai"};

    Policy policy;
    Planner planner;
    LiveSnapshot snapshot;
    LiveTrackers trackers;
    RequestFacts[] requests;
    int next;

    @Setup
    public void setUp() {
        policy = PolicyLoader.parse("bench.yaml", policyYaml());
        planner = new Planner();
        trackers = new LiveTrackers(System::currentTimeMillis, 60_000);
        long now = System.currentTimeMillis();
        int i = 0;
        for (String id : policy.deployments().keySet()) {
            for (int k = 0; k < 20; k++) {
                trackers.latency(id).record(true, (100 + i * 7L) * 1_000_000L, (2000 + i * 30L) * 1_000_000L, 200, now);
            }
            trackers.load(id).started();
            trackers.load(id).scraped(new LoadSample(i % 7, i % 3, (i % 10) / 10.0, now));
            i++;
        }
        snapshot = trackers.snapshot(policy, id -> id.endsWith("-3") ? CircuitState.HALF_OPEN : CircuitState.CLOSED);
        DataClass internal = policy.dataClasses().byId("internal").orElseThrow();
        DataClass confidential = policy.dataClasses().byId("confidential").orElseThrow();
        requests = new RequestFacts[] {
            facts("app-1", "alias-1", internal).header("x-priority", "batch").build(),       // rule 0..: header rule early
            facts("app-27", "alias-2", internal).promptTokens(1500).maxTokens(500).build(),  // late rule, cheapest + slo + fallbacks
            facts("app-99", "alias-3", internal).build(),                                    // no rule: alias order, 12 deployments
            facts("app-28", "alias-0", confidential).stream(true).build(),                   // late rule, fastest, external rejected
        };
        RoutePlan p = planner.plan(policy, requests[1], snapshot);
        if (p.candidates().isEmpty() || policy.rules().size() != 30 || policy.deployments().size() != 50) {
            throw new IllegalStateException("benchmark policy is not as intended: " + p);
        }
    }

    static RequestFacts.Builder facts(String app, String alias, DataClass dc) {
        return RequestFacts.builder(app, alias, dc).promptTokens(300).maxTokens(256).seed(7)
                .capabilities(RequestFacts.capabilitiesFor("chat", false, false, false));
    }

    @Benchmark
    public RoutePlan plan() {
        RequestFacts f = requests[next++ & 3];
        return planner.plan(policy, f, snapshot);
    }

    @Benchmark
    public LiveSnapshot snapshot() {
        return trackers.snapshot(policy, CircuitStates.ALL_CLOSED);
    }

    @Benchmark
    public RoutePlan snapshotAndPlan() {
        RequestFacts f = requests[next++ & 3];
        return planner.plan(policy, f, trackers.snapshot(policy, CircuitStates.ALL_CLOSED));
    }

    static String policyYaml() {
        StringBuilder y = new StringBuilder("pools:\n");
        for (String p : POOLS) {
            y.append("  - {id: ").append(p).append(", zone: ").append(p.equals("openai") ? "external" : "private")
                    .append(p.equals("openai") ? "" : ", gpu-hour-cost: 2.5").append("}\n");
        }
        y.append("deployments:\n");
        for (int i = 0; i < 50; i++) {
            String pool = POOLS[i / 10];
            y.append("  - {id: ").append(pool).append("-").append(i % 10).append(", pool: ").append(pool)
                    .append(", api: openai, url: \"http://10.0.").append(i / 10).append(".").append(i % 10).append("/v1\", model: m")
                    .append(i).append(", context-window: 32768, max-concurrency: 64, capabilities: [chat, completions, tools]")
                    .append(pool.equals("openai") ? ", price: {input-per-1m: 2.5, output-per-1m: 10}" : ", gpus: 2").append("}\n");
        }
        y.append("models:\n");
        for (int a = 0; a < 4; a++) {
            y.append("  alias-").append(a).append(": [");
            for (int k = 0; k < 12; k++) {
                int i = (a * 12 + k * 4) % 50;
                y.append(k == 0 ? "" : ", ").append(POOLS[i / 10]).append("-").append(i % 10);
            }
            y.append("]\n");
        }
        y.append("apps:\n");
        for (int a = 0; a < 30; a++) {
            y.append("  - {id: app-").append(a).append(", key: sk-bench-app-").append(a).append("}\n");
        }
        y.append("  - {id: app-99, key: sk-bench-app-99}\n");
        y.append("rules:\n");
        y.append("  - {name: batch, when: {headers: {x-priority: batch}}, route: {pools: [a10, l40], strategy: least-loaded, any-model: true}}\n");
        for (int r = 1; r < 27; r++) {
            y.append("  - {name: rule-").append(r).append(", when: {app: [app-").append(r).append("], prompt-tokens: {gt: ")
                    .append(r * 100).append("}, stream: false}, route: {pools: [").append(POOLS[r % 4])
                    .append("], strategy: ").append(r % 2 == 0 ? "cheapest" : "fastest").append(", any-model: true}}\n");
        }
        y.append("  - {name: late-cheapest, when: {app: [app-27], model: [alias-2]}, route: {pools: [a100, h100], strategy: cheapest,"
                + " slo: {ttft: 800ms, total: 20s}, fallback: [openai], any-model: true}}\n");
        y.append("  - {name: late-fastest, when: {app: [app-28], stream: true}, route: {pools: [l40, openai], strategy: fastest,"
                + " fallback: [a10-1, a10-2], any-model: true}}\n");
        y.append("  - {name: nights, when: {app: [app-29], time: {from: \"22:00\", to: \"06:00\", zone: Asia/Shanghai}},"
                + " route: {pools: [a10], strategy: weighted, any-model: true}}\n");
        return y.toString();
    }
}
