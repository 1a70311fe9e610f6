package io.llmgateway.sim.replay;

import io.llmgateway.policy.App;
import io.llmgateway.policy.DataClass;
import io.llmgateway.policy.DataClasses;
import io.llmgateway.policy.Policy;
import io.llmgateway.policy.route.RequestFacts;
import io.llmgateway.sim.internal.text.Seeds;
import java.util.Set;

/**
 * Request facts for trace requests under one policy, as the gateway would build them: a streamed chat
 * request of the workload's app and alias with the trace's prompt tokens and {@code max_tokens} = its
 * generated tokens. The effective data class is the gateway's rule: the most sensitive of the policy's
 * default class, the app's floor and the class the policy maps the finding (detector id or category) to.
 * Which requests carry the finding depends only on the seed and the request's index, so every policy
 * sees the same sensitive requests.
 */
final class SyntheticFacts {

    private static final long SENSITIVE_SALT = 0x5E45171FL;
    private static final long PLAN_SALT = 0x91A4L;

    private final Workload workload;
    private final long seed;
    private final DataClass plain;
    private final DataClass sensitive;

    SyntheticFacts(Policy policy, Workload workload, long seed) {
        this.workload = workload;
        this.seed = seed;
        App app = policy.apps().get(workload.appId());
        if (app == null) {
            throw new IllegalArgumentException(policy.source() + ": no app '" + workload.appId() + "' (apps: "
                    + String.join(", ", policy.apps().keySet()) + ")");
        }
        DataClasses classes = policy.dataClasses();
        DataClass floor = classes.byId(app.floor().id()).orElse(classes.lowest());
        this.plain = DataClasses.max(classes.defaultClass(), floor);
        var map = policy.sensitivity().findings();
        DataClass found = DataClasses.max(map.get(workload.finding().detectorId()), map.get(workload.finding().category()));
        this.sensitive = DataClasses.max(plain, found);
    }

    /** Whether request {@code index} carries the workload's finding. */
    boolean sensitive(int index) {
        return uniform(Seeds.mix(seed, SENSITIVE_SALT, index)) < workload.sensitiveShare();
    }

    RequestFacts facts(TraceRequest r) {
        boolean s = sensitive(r.index());
        RequestFacts.Builder b = RequestFacts.builder(workload.appId(), workload.alias(), s ? sensitive : plain)
                .operation("chat")
                .promptTokens(r.promptTokens())
                .maxTokens(r.outputTokens())
                .stream(true)
                .capabilities(RequestFacts.capabilitiesFor("chat", false, false, false))
                .receivedAt(r.epochMillis())
                .seed(Seeds.mix(seed, PLAN_SALT, r.index()));
        if (s) {
            b.findings(Set.of(workload.finding().detectorId()), Set.of(workload.finding().category()));
        }
        return b.build();
    }

    static double uniform(long bits) {
        return ((bits >>> 11) + 0.5) / (double) (1L << 53);
    }
}
