package io.llmgateway.policy;

import io.llmgateway.policy.yaml.ConfigNode;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Binds {@code when.data-class}: {@code {at-least: X}}, {@code {at-most: X}} (both may be combined),
 * {@code {exact: [X, Y]}}, or a plain class name / list as a shorthand for {@code exact}. The result is
 * the set of class ids admitted.
 */
final class DataClassConditionBinder {

    private DataClassConditionBinder() {
    }

    static Set<String> bind(ConfigNode node, DataClasses classes) {
        Set<String> out = new LinkedHashSet<>();
        if (!node.isMap()) {
            return exact(node, classes);
        }
        Fields f = Fields.of(node, Set.of("at-least", "at-most", "exact"));
        if (f.has("exact") && (f.has("at-least") || f.has("at-most"))) {
            node.fail("'exact' cannot be combined with 'at-least' or 'at-most'");
            return out;
        }
        if (f.has("exact")) {
            return exact(f.get("exact"), classes);
        }
        DataClass lo = f.has("at-least") ? AppBinder.dataClass(f.get("at-least"), classes) : classes.lowest();
        DataClass hi = f.has("at-most") ? AppBinder.dataClass(f.get("at-most"), classes) : classes.highest();
        if (!f.has("at-least") && !f.has("at-most") && !f.failed()) {
            node.fail("needs 'at-least', 'at-most' or 'exact'");
        }
        if (lo == null || hi == null) {
            return out;
        }
        if (lo.rank() > hi.rank()) {
            node.fail("no class is at least '" + lo.id() + "' and at most '" + hi.id() + "'");
        }
        for (DataClass c : classes.ordered()) {
            if (c.rank() >= lo.rank() && c.rank() <= hi.rank()) {
                out.add(c.id());
            }
        }
        return out;
    }

    private static Set<String> exact(ConfigNode node, DataClasses classes) {
        int before = node.problems().size();
        Set<String> out = new LinkedHashSet<>();
        for (ConfigNode item : AppBinder.listOf(node)) {
            DataClass c = AppBinder.dataClass(item, classes);
            if (c != null) {
                out.add(c.id());
            }
        }
        if (out.isEmpty() && node.problems().size() == before) {
            node.fail("must name at least one data class");
        }
        return out;
    }

}
