package io.llmgateway.policy;

import io.llmgateway.policy.yaml.ConfigNode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Binds {@code data-classes} (least sensitive first) and {@code default-data-class}. A more sensitive
 * class may not allow a zone that a less sensitive one forbids: sensitivity only ever narrows where
 * data may go, which is what lets {@code at-least} conditions and floors be reasoned about.
 */
final class DataClassBinder {

    private static final Set<String> FIELDS = Set.of("id", "zones");

    private DataClassBinder() {
    }

    static DataClasses bind(ConfigNode section, ConfigNode defaultNode) {
        DataClasses classes = section == null ? DataClasses.DEFAULTS : classes(section);
        if (classes == null) {
            return null;
        }
        if (defaultNode == null) {
            return classes.defaultClass() == classes.lowest() ? classes : new DataClasses(classes.ordered(), classes.lowest());
        }
        String id = defaultNode.text();
        if (id == null) {
            return null;
        }
        DataClass d = classes.byId(id).orElse(null);
        if (d == null) {
            return defaultNode.fail("unknown data class '" + id + "' (known: " + String.join(", ", classes.ids()) + ")");
        }
        return new DataClasses(classes.ordered(), d);
    }

    private static DataClasses classes(ConfigNode section) {
        int before = section.problems().size();
        List<DataClass> out = new ArrayList<>();
        Set<Zone> previous = EnumSet.allOf(Zone.class);
        for (ConfigNode item : section.items()) {
            Fields f = Fields.of(item, FIELDS);
            String id = f.id("id", true);
            Set<Zone> zones = f.has("zones") ? zones(f.get("zones")) : null;
            if (zones == null && !f.has("zones")) {
                item.fail("missing required field 'zones'");
            }
            if (f.failed() || zones == null) {
                continue;
            }
            if (out.stream().anyMatch(c -> c.id().equals(id))) {
                item.fail("duplicate data class id '" + id + "'");
                continue;
            }
            if (!previous.containsAll(zones)) {
                Set<Zone> extra = EnumSet.copyOf(zones);
                extra.removeAll(previous);
                f.get("zones").fail("'" + id + "' is more sensitive than '" + out.get(out.size() - 1).id()
                        + "' but allows " + ids(extra) + ", which that class forbids");
                continue;
            }
            previous = zones;
            out.add(new DataClass(id, out.size(), zones));
        }
        if (out.isEmpty() && section.problems().size() == before) {
            section.fail("at least one data class is required");
        }
        return section.problems().size() != before ? null : new DataClasses(out, out.get(0));
    }

    private static Set<Zone> zones(ConfigNode node) {
        Set<Zone> zones = EnumSet.noneOf(Zone.class);
        for (ConfigNode z : node.isList() ? node.items() : List.of(node)) {
            String s = z.text();
            Zone zone = s == null ? null : Zone.parse(s);
            if (s != null && zone == null) {
                z.fail("must be 'private' or 'external', got '" + s + "'");
            } else if (zone != null) {
                zones.add(zone);
            }
        }
        if (zones.isEmpty()) {
            return node.fail("a data class must allow at least one zone");
        }
        return zones;
    }

    static String ids(Set<Zone> zones) {
        return String.join(", ", zones.stream().map(Zone::id).toList());
    }
}
