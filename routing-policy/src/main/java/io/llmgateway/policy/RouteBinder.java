package io.llmgateway.policy;

import io.llmgateway.policy.rule.Route;
import io.llmgateway.policy.rule.Slo;
import io.llmgateway.policy.rule.Strategy;
import io.llmgateway.policy.yaml.ConfigNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Binds a rule's {@code route}: targets ({@code deployments} then {@code pools}, expanded to deployment
 * ids in the order written, pools in file order), strategy, SLO, fallbacks (deployment or pool ids) and hedging.
 */
final class RouteBinder {

    private static final Set<String> FIELDS = Set.of("deployments", "pools", "any-model", "strategy", "slo", "fallback", "hedge");

    private RouteBinder() {
    }

    static Route bind(ConfigNode node, Catalog c, Origins origins) {
        Fields f = Fields.of(node, FIELDS);
        Set<String> targets = new LinkedHashSet<>();
        if (f.has("deployments")) {
            for (ConfigNode item : AppBinder.listOf(f.get("deployments"))) {
                String id = item.text();
                if (id != null && !c.deployments().containsKey(id)) {
                    item.fail("unknown deployment '" + id + "' (known: " + c.known(c.deployments().keySet()) + ")");
                } else if (id != null) {
                    targets.add(id);
                    origins.put(node.path(), "target", id, item.path());
                }
            }
        }
        if (f.has("pools")) {
            for (ConfigNode item : AppBinder.listOf(f.get("pools"))) {
                String id = item.text();
                if (id != null && !c.pools().containsKey(id)) {
                    item.fail("unknown pool '" + id + "' (known: " + c.known(c.pools().keySet()) + ")");
                } else if (id != null) {
                    for (String m : members(id, c)) {
                        targets.add(m);
                        origins.put(node.path(), "target", m, item.path() + " (pool '" + id + "')");
                    }
                }
            }
        }
        Strategy strategy = Strategy.ORDERED;
        String s = f.text("strategy");
        if (s != null && (strategy = Strategy.parse(s)) == null) {
            strategy = Strategy.ORDERED;
            f.get("strategy").fail("unknown strategy '" + s + "' (known: cheapest, fastest, least-loaded, weighted, ordered)");
        }
        Slo slo = f.has("slo") ? slo(f.get("slo")) : Slo.NONE;
        List<String> fallbacks = f.has("fallback") ? fallbacks(f.get("fallback"), c, origins, node.path()) : List.of();
        Duration hedge = null;
        if (f.has("hedge")) {
            Fields h = Fields.of(f.get("hedge"), Set.of("after"));
            hedge = h.duration("after", null);
            if (hedge == null && !h.failed()) {
                f.get("hedge").fail("missing required field 'after'");
            }
        }
        Boolean any = f.bool("any-model");
        return new Route(new ArrayList<>(targets), any != null && any, strategy, slo, fallbacks, hedge);
    }

    /** A pool's deployments in file order. */
    static List<String> members(String pool, Catalog c) {
        List<String> out = new ArrayList<>();
        for (Deployment d : c.deployments().values()) {
            if (d.pool().equals(pool)) {
                out.add(d.id());
            }
        }
        return out;
    }

    private static Slo slo(ConfigNode node) {
        Fields f = Fields.of(node, Set.of("ttft", "total"));
        Slo slo = new Slo(f.duration("ttft", null), f.duration("total", null));
        if (slo.isNone() && !f.failed()) {
            node.fail("needs 'ttft' and/or 'total'");
        }
        return slo;
    }

    /** Each entry names a deployment or, failing that, a pool (expanded); duplicates keep their first place. */
    private static List<String> fallbacks(ConfigNode node, Catalog c, Origins origins, String route) {
        Set<String> out = new LinkedHashSet<>();
        for (ConfigNode item : AppBinder.listOf(node)) {
            String id = item.text();
            if (id == null) {
                continue;
            }
            if (c.deployments().containsKey(id)) {
                out.add(id);
                origins.put(route, "fallback", id, item.path());
            } else if (c.pools().containsKey(id)) {
                for (String m : members(id, c)) {
                    out.add(m);
                    origins.put(route, "fallback", m, item.path() + " (pool '" + id + "')");
                }
            } else {
                item.fail("unknown deployment or pool '" + id + "'");
            }
        }
        return new ArrayList<>(out);
    }
}
