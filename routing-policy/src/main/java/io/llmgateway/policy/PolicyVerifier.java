package io.llmgateway.policy;

import io.llmgateway.policy.rule.Route;
import io.llmgateway.policy.rule.Rule;
import io.llmgateway.policy.rule.When;
import io.llmgateway.policy.yaml.Problems;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Proves at load time that the policy does not tell the gateway to send a data class to a zone the class
 * forbids, and points out configuration that will not behave as written. The planner's hard zone filter
 * still runs on every request (defense in depth); this makes a misconfiguration visible before it goes live.
 *
 * <p>Errors (the policy is refused): a rule that admits, by its {@code data-class} condition, a class that
 * forbids the zone of one of its targets or fallbacks; a target or fallback no request of the rule may ever
 * reach (every class the rule can see, given its condition and its apps' floors, forbids its zone); an app
 * that lists an alias whose every reachable deployment is in a zone its floor forbids.
 *
 * <p>Warnings (the policy loads): classes a rule admits that none of its targets may serve (they fail
 * closed with 503), the same for an app that may use an alias through having no allow-list, rules that
 * can never match, targets skipped because they are not in the alias, cost inputs missing for
 * {@code cheapest}, an SLO on a strategy that ignores it.
 */
final class PolicyVerifier {

    private final Policy p;
    private final Problems errors;
    private final Origins origins;
    private final List<PolicyException.Problem> warnings = new ArrayList<>();

    private PolicyVerifier(Policy p, Problems errors, Origins origins) {
        this.p = p;
        this.errors = errors;
        this.origins = origins;
    }

    /** Records errors in {@code errors} and returns the warnings. */
    static List<PolicyException.Problem> verify(Policy p, Problems errors, Origins origins) {
        PolicyVerifier v = new PolicyVerifier(p, errors, origins);
        Rule catchAll = null;
        for (Rule r : p.rules()) {
            if (catchAll != null) {
                v.warn(r.path(), "never matches: '" + catchAll.name() + "' (" + catchAll.path() + ") matches every request before it");
            }
            v.rule(r);
            if (catchAll == null && r.when().matchesAll()) {
                catchAll = r;
            }
        }
        for (App app : p.apps().values()) {
            v.app(app);
        }
        return v.warnings;
    }

    private void rule(Rule r) {
        List<DataClass> seen = classesSeenBy(r);
        if (seen.isEmpty()) {
            warn(r.path() + ".when", "never matches: no data class satisfies both its data-class condition and its apps' floors");
            return;
        }
        if (r.route() == null) {
            return;
        }
        Route route = r.route();
        String at = r.path() + ".route";
        if (!route.slo().isNone() && route.strategy() != io.llmgateway.policy.rule.Strategy.CHEAPEST) {
            warn(at + ".slo", "only strategy 'cheapest' uses an SLO; '" + route.strategy().id() + "' ignores it");
        }
        List<String> targets = route.targets().isEmpty() ? aliasTargets(r.when()) : route.targets();
        Set<String> all = new LinkedHashSet<>(targets);
        all.addAll(route.fallbacks());
        for (String id : targets) {
            zone(r, seen, id, route.targets().isEmpty() ? at : origins.of(at, "target", id));
        }
        for (String id : route.fallbacks()) {
            zone(r, seen, id, origins.of(at, "fallback", id));
        }
        notInAlias(r, at);
        unservable(r, seen, all, at);
        if (route.strategy() == io.llmgateway.policy.rule.Strategy.CHEAPEST) {
            costInputs(all, at);
        }
    }

    /** The classes a request matched by {@code r} can have: its data-class condition within its apps' floors. */
    private List<DataClass> classesSeenBy(Rule r) {
        DataClass floor = p.dataClasses().highest();
        if (r.when().apps().isEmpty()) {
            floor = p.dataClasses().lowest();
        } else {
            for (String a : r.when().apps()) {
                App app = p.apps().get(a);
                DataClass f = app == null ? p.dataClasses().lowest() : app.floor();
                floor = f.rank() < floor.rank() ? f : floor;
            }
        }
        List<DataClass> out = new ArrayList<>();
        for (DataClass c : p.dataClasses().from(floor)) {
            if (r.when().dataClasses() == null || r.when().dataClasses().contains(c.id())) {
                out.add(c);
            }
        }
        return out;
    }

    private void zone(Rule r, List<DataClass> seen, String id, String path) {
        Deployment d = p.deployments().get(id);
        if (r.when().dataClasses() != null) {
            for (DataClass c : seen) {
                if (!c.allows(d.zone())) {
                    errors.at(path, "deployment '" + id + "' is in zone " + d.zone().id() + ", but " + r.path()
                            + ".when.data-class admits '" + c.id() + "', which may only go to " + DataClassBinder.ids(c.zones()));
                    return;
                }
            }
            return;
        }
        for (DataClass c : seen) {
            if (c.allows(d.zone())) {
                return;
            }
        }
        errors.at(path, "deployment '" + id + "' is in zone " + d.zone().id() + ", which no request of this rule may reach:"
                + " every request it matches is at least '" + seen.get(0).id() + "' (floor of " + apps(r) + "), which may only go to "
                + DataClassBinder.ids(seen.get(0).zones()));
    }

    private void unservable(Rule r, List<DataClass> seen, Set<String> targets, String at) {
        if (targets.isEmpty()) {
            return;
        }
        List<String> stranded = new ArrayList<>();
        for (DataClass c : seen) {
            if (targets.stream().noneMatch(id -> c.allows(p.deployments().get(id).zone()))) {
                stranded.add(c.id());
            }
        }
        if (!stranded.isEmpty()) {
            warn(at, "requests of data class " + String.join(", ", stranded) + " matching this rule have no allowed deployment"
                    + " (all targets and fallbacks are in forbidden zones): they fail closed with 503");
        }
    }

    private void notInAlias(Rule r, String at) {
        Route route = r.route();
        if (route.anyModel() || route.targets().isEmpty() && route.fallbacks().isEmpty()) {
            return;
        }
        Set<String> reachable = new LinkedHashSet<>(aliasTargets(r.when()));
        if (r.when().models().isEmpty()) {
            p.models().values().forEach(reachable::addAll);
        }
        for (String id : route.targets()) {
            String origin = origins.of(at, "target", id);
            if (!reachable.contains(id) && !origin.contains("(pool ")) { // a pool naturally holds other aliases' deployments
                warn(origin, "deployment '" + id + "' is never used: it is in none of the aliases this rule"
                        + " matches (add it to the alias or set any-model: true)");
            }
        }
        for (String id : route.fallbacks()) {
            String origin = origins.of(at, "fallback", id);
            if (!reachable.contains(id) && !origin.contains("(pool ")) {
                warn(origin, "fallback '" + id + "' is never used: it is in none of the aliases this rule"
                        + " matches (add it to the alias or set any-model: true)");
            }
        }
    }

    private void costInputs(Set<String> targets, String at) {
        for (String id : targets) {
            Deployment d = p.deployments().get(id);
            Pool pool = p.poolOf(d);
            if (d.profile().price() == null && (d.zone() == Zone.EXTERNAL || pool == null || !pool.hasGpuHourCost())) {
                warn(at, "strategy 'cheapest' has no cost input for '" + id + "' (give it a price, or its pool a gpu-hour-cost):"
                        + " it is ranked after candidates with a known cost");
            }
        }
    }

    private void app(App app) {
        List<String> aliases = app.models().isEmpty() ? new ArrayList<>(p.models().keySet()) : new ArrayList<>(app.models());
        for (String alias : aliases) {
            Set<String> reachable = new LinkedHashSet<>(p.models().getOrDefault(alias, List.of()));
            for (Rule r : p.rules()) {
                When w = r.when();
                if (r.route() != null && r.route().anyModel() && (w.apps().isEmpty() || w.apps().contains(app.id()))
                        && (w.models().isEmpty() || w.models().contains(alias))) {
                    reachable.addAll(r.route().targets());
                    reachable.addAll(r.route().fallbacks());
                }
            }
            if (reachable.stream().anyMatch(id -> app.floor().allows(p.deployments().get(id).zone()))) {
                continue;
            }
            String msg = "alias '" + alias + "' can never serve app '" + app.id() + "': its data-class floor '" + app.floor().id()
                    + "' may only go to " + DataClassBinder.ids(app.floor().zones()) + " and every deployment the alias reaches is elsewhere";
            String path = origins.appPath(app.id());
            if (app.models().isEmpty()) {
                warn(path, msg + " (the app has no models allow-list; list the aliases it may use)");
            } else {
                errors.at(path + ".models", msg);
            }
        }
    }

    private List<String> aliasTargets(When w) {
        Set<String> out = new LinkedHashSet<>();
        for (String m : w.models()) {
            out.addAll(p.models().getOrDefault(m, List.of()));
        }
        return new ArrayList<>(out);
    }

    private String apps(Rule r) {
        return r.when().apps().isEmpty() ? "every app" : "app " + String.join(", ", r.when().apps());
    }

    private void warn(String path, String message) {
        warnings.add(new PolicyException.Problem(errors.file(), errors.lineOf(path), path, message));
    }
}
