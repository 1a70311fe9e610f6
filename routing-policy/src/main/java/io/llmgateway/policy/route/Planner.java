package io.llmgateway.policy.route;

import io.llmgateway.policy.App;
import io.llmgateway.policy.Deployment;
import io.llmgateway.policy.Policy;
import io.llmgateway.policy.Pool;
import io.llmgateway.policy.live.CircuitState;
import io.llmgateway.policy.live.DeploymentLive;
import io.llmgateway.policy.live.LiveSnapshot;
import io.llmgateway.policy.rule.Route;
import io.llmgateway.policy.rule.Rule;
import io.llmgateway.policy.rule.Slo;
import io.llmgateway.policy.rule.Strategy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns request facts into a route plan. Pure: the same policy, facts and live snapshot give the same
 * plan; no I/O, no clock, no randomness beyond the request's seed. Thread-safe.
 *
 * <p>Steps: the first matching rule (or none: the alias's list, ordered); the rule's targets (filtered
 * by the alias unless {@code any-model}); the hard constraints on each ({@link Constraints}); the
 * strategy's order ({@link Strategies}); then the rule's fallbacks in the order written, under the same
 * constraints. Deployments of the alias the rule does not use are listed as rejected (NOT_IN_RULE).
 */
public final class Planner {

    /** Per-policy lookups, rebuilt when the policy instance changes (reload). */
    private volatile Index index;

    private record Index(Policy policy, Map<String, Set<String>> aliasSets) {
        static Index of(Policy p) {
            Map<String, Set<String>> sets = new HashMap<>();
            p.models().forEach((k, v) -> sets.put(k, Set.copyOf(v)));
            return new Index(p, sets);
        }
    }

    public RoutePlan plan(Policy policy, RequestFacts facts, LiveSnapshot live) {
        String alias = facts.alias();
        List<String> aliasIds = policy.models().get(alias);
        if (aliasIds == null) {
            return refused(alias, null, facts, PlanOutcome.UNKNOWN_MODEL, "The model '" + alias + "' does not exist.");
        }
        App app = policy.apps().get(facts.appId());
        if (app != null && !app.mayUse(alias)) {
            return refused(alias, null, facts, PlanOutcome.APP_NOT_ALLOWED,
                    "The app '" + app.id() + "' is not allowed to use the model '" + alias + "'.");
        }
        Rule rule = RuleMatcher.first(policy.rules(), facts);
        if (rule != null && rule.refuse() != null) {
            return refused(rule.name(), rule.name(), facts, PlanOutcome.REFUSED_BY_RULE, rule.refuse());
        }
        Route route = rule == null ? null : rule.route();
        Strategy strategy = route == null ? Strategy.ORDERED : route.strategy();
        Set<String> inAlias = index(policy).aliasSets.get(alias);
        boolean filter = route != null && !route.anyModel();
        List<String> targets = route == null || route.targets().isEmpty() ? aliasIds : route.targets();
        String source = route == null ? "alias '" + alias + "'" : "rule '" + rule.name() + "'";

        List<RoutePlan.Rejection> rejected = new ArrayList<>();
        List<Scored> primary = new ArrayList<>(targets.size());
        Set<String> seen = new HashSet<>();
        for (int i = 0, n = targets.size(); i < n; i++) {
            String id = targets.get(i);
            seen.add(id);
            if (filter && !inAlias.contains(id)) {
                rejected.add(notInAlias(id, alias));
                continue;
            }
            Scored s = evaluate(policy, policy.deployments().get(id), i, facts, live, rejected);
            if (s != null) {
                primary.add(s);
            }
        }
        Strategies.order(strategy, primary, facts, route == null ? Slo.NONE : route.slo());
        List<RoutePlan.Candidate> out = new ArrayList<>(primary.size() + 2);
        for (int i = 0; i < primary.size(); i++) {
            Scored s = primary.get(i);
            int rank = i + 1;
            out.add(new RoutePlan.Candidate(s.deployment, () -> Strategies.reason(strategy, s, rank, source), s.score, s.cost, s.ttft, false));
        }
        if (route != null) {
            fallbacks(policy, route, rule, facts, live, filter, inAlias, alias, seen, out, rejected);
        }
        for (String id : aliasIds) {
            if (seen.add(id)) {
                rejected.add(new RoutePlan.Rejection(id, RejectReason.NOT_IN_RULE, () -> "not a target of rule '" + rule.name() + "'"));
            }
        }
        String routeName = rule == null ? alias : rule.name();
        String ruleName = rule == null ? null : rule.name();
        if (!out.isEmpty()) {
            return new RoutePlan(routeName, ruleName, strategy, facts.dataClass(), PlanOutcome.ROUTED, "", out, rejected);
        }
        return empty(routeName, ruleName, strategy, facts, rejected);
    }

    private void fallbacks(Policy policy, Route route, Rule rule, RequestFacts facts, LiveSnapshot live, boolean filter,
                           Set<String> inAlias, String alias, Set<String> seen, List<RoutePlan.Candidate> out,
                           List<RoutePlan.Rejection> rejected) {
        List<String> fb = route.fallbacks();
        int k = 0;
        for (int i = 0, n = fb.size(); i < n; i++) {
            String id = fb.get(i);
            if (!seen.add(id)) {
                continue;
            }
            if (filter && !inAlias.contains(id)) {
                rejected.add(notInAlias(id, alias));
                continue;
            }
            Scored s = evaluate(policy, policy.deployments().get(id), i, facts, live, rejected);
            if (s != null) {
                int rank = ++k;
                out.add(new RoutePlan.Candidate(s.deployment, () -> "fallback #" + rank + " of rule '" + rule.name() + "'"
                        + (s.halfOpen ? "; circuit half-open (trial)" : ""), Double.NaN, s.cost, s.ttft, true));
            }
        }
    }

    /** The constraints, then the estimates; null (and a rejection recorded) if the deployment may not serve. */
    private static Scored evaluate(Policy policy, Deployment d, int position, RequestFacts facts, LiveSnapshot live,
                                   List<RoutePlan.Rejection> rejected) {
        DeploymentLive l = live.get(d.id());
        RoutePlan.Rejection r = Constraints.check(d, facts, l);
        if (r != null) {
            rejected.add(r);
            return null;
        }
        Scored s = new Scored(d, position, l);
        Pool pool = policy.pools().get(d.pool());
        double out = CostModel.outputTokens(facts, l);
        s.cost = CostModel.cost(d, pool, facts, l, out);
        s.unmeasured = CostModel.unmeasured(d, pool, l);
        s.ttft = l.latency().ttftMs();
        double tpot = l.latency().tpotMs();
        s.total = !Double.isNaN(s.ttft) && !Double.isNaN(tpot) ? s.ttft + Math.max(0, out - 1) * tpot : l.latency().totalMs();
        s.halfOpen = l.circuit() == CircuitState.HALF_OPEN;
        return s;
    }

    private static RoutePlan.Rejection notInAlias(String id, String alias) {
        return new RoutePlan.Rejection(id, RejectReason.NOT_IN_ALIAS, () -> "not in alias '" + alias + "' (the rule does not set any-model)");
    }

    private static RoutePlan empty(String route, String rule, Strategy strategy, RequestFacts facts,
                                   List<RoutePlan.Rejection> rejected) {
        boolean zone = false;
        for (RoutePlan.Rejection r : rejected) {
            zone |= r.code() == RejectReason.ZONE_NOT_ALLOWED;
        }
        if (zone) {
            String zones = String.join(", ", facts.dataClass().zones().stream().map(z -> z.id()).sorted().toList());
            return new RoutePlan(route, rule, strategy, facts.dataClass(), PlanOutcome.DATA_CLASS_ZONE,
                    "The request's data class '" + facts.dataClass().id() + "' requires a " + zones
                            + " backend, and none that may serve '" + facts.alias() + "' is available.", List.of(), rejected);
        }
        return new RoutePlan(route, rule, strategy, facts.dataClass(), PlanOutcome.NO_CANDIDATE,
                "No deployment can serve model '" + facts.alias() + "' right now.", List.of(), rejected);
    }

    private static RoutePlan refused(String route, String rule, RequestFacts facts, PlanOutcome outcome, String message) {
        return new RoutePlan(route, rule, null, facts.dataClass(), outcome, message, List.of(), List.of());
    }

    private Index index(Policy policy) {
        Index i = index;
        if (i == null || i.policy != policy) {
            i = Index.of(policy);
            index = i;
        }
        return i;
    }
}
