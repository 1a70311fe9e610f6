package io.llmgateway.policy;

import io.llmgateway.policy.rule.Route;
import io.llmgateway.policy.rule.Rule;
import io.llmgateway.policy.rule.When;
import io.llmgateway.policy.yaml.ConfigNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Binds the ordered {@code rules} section: each rule has a unique name, conditions, and a route or a refusal. */
final class RuleBinder {

    private static final Set<String> FIELDS = Set.of("name", "when", "route", "refuse");

    private RuleBinder() {
    }

    static List<Rule> bind(ConfigNode section, Catalog catalog, Origins origins) {
        List<Rule> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        List<ConfigNode> items = section.items();
        for (int i = 0; i < items.size(); i++) {
            ConfigNode item = items.get(i);
            Fields f = Fields.of(item, FIELDS);
            String name = f.id("name", true);
            if (name != null && !names.add(name)) {
                f.get("name").fail("duplicate rule name '" + name + "'");
            } else if (name != null && catalog.models().containsKey(name)) {
                f.get("name").fail("'" + name + "' is also a model alias; x-gateway-route would not tell them apart");
            }
            When when = f.has("when") ? WhenBinder.bind(f.get("when"), catalog) : When.ANY;
            Route route = null;
            String refuse = f.text("refuse");
            if (f.has("route")) {
                ConfigNode r = f.get("route");
                if (r.isMap() && r.entries().containsKey("refuse") && r.entries().size() == 1) {
                    refuse = refuse == null ? r.entries().get("refuse").text() : refuse;
                } else {
                    route = RouteBinder.bind(r, catalog, origins);
                }
            }
            if (f.has("route") && f.has("refuse")) {
                item.fail("a rule has either 'route' or 'refuse', not both");
            } else if (!f.has("route") && !f.has("refuse") && !f.failed()) {
                item.fail("a rule needs 'route' or 'refuse'");
            }
            if (f.failed() || (route == null && refuse == null)) {
                continue;
            }
            out.add(new Rule(name, i, when, route, refuse));
        }
        return out;
    }
}
