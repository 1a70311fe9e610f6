package io.llmgateway.policy;

import io.llmgateway.policy.rule.TimeWindow;
import io.llmgateway.policy.rule.TokenRange;
import io.llmgateway.policy.rule.When;
import io.llmgateway.policy.yaml.ConfigNode;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Binds a rule's {@code when}: every name it uses must exist; a condition that can never hold is refused. */
final class WhenBinder {

    private static final Set<String> FIELDS = Set.of(
            "app", "model", "data-class", "findings", "prompt-tokens", "stream", "tools", "json", "headers", "time");
    private static final Set<String> SECRET_HEADERS = Set.of(
            "authorization", "api-key", "x-api-key", "cookie", "proxy-authorization", "x-explain-app-key");
    private static final Pattern HEADER = Pattern.compile("[a-z0-9-]{1,64}");
    private static final Pattern HH_MM = Pattern.compile("([01]\\d|2[0-3]):([0-5]\\d)");

    private WhenBinder() {
    }

    static When bind(ConfigNode node, Catalog c) {
        Fields f = Fields.of(node, FIELDS);
        Set<String> apps = names(f.get("app"), c.apps().keySet(), "app", c.appsDeclared());
        Set<String> models = names(f.get("model"), c.models().keySet(), "model alias", true);
        Set<String> classes = f.has("data-class") ? DataClassConditionBinder.bind(f.get("data-class"), c.classes()) : null;
        Set<String> findings = new LinkedHashSet<>();
        if (f.has("findings")) {
            for (ConfigNode item : AppBinder.listOf(f.get("findings"))) {
                String s = item.text();
                if (s != null && !Fields.ID.matcher(s).matches()) {
                    item.fail("'" + s + "' is neither a category (" + String.join(", ", SensitivitySettings.CATEGORIES)
                            + ") nor a detector id");
                } else if (s != null) {
                    findings.add(s);
                }
            }
        }
        TokenRange tokens = f.has("prompt-tokens") ? tokens(f.get("prompt-tokens")) : null;
        Map<String, Set<String>> headers = f.has("headers") ? headers(f.get("headers")) : Map.of();
        TimeWindow time = f.has("time") ? time(f.get("time")) : null;
        return new When(apps, models, classes, findings, tokens, f.bool("stream"), f.bool("tools"), f.bool("json"),
                headers, time);
    }

    private static Set<String> names(ConfigNode node, Set<String> known, String what, boolean check) {
        int before = node == null ? 0 : node.problems().size();
        Set<String> out = new LinkedHashSet<>();
        if (node == null) {
            return out;
        }
        for (ConfigNode item : AppBinder.listOf(node)) {
            String s = item.text();
            if (s != null && check && !known.contains(s)) {
                item.fail("unknown " + what + " '" + s + "' (known: " + String.join(", ", known) + ")");
            } else if (s != null) {
                out.add(s);
            }
        }
        if (out.isEmpty() && node.problems().size() == before) {
            node.fail("must name at least one " + what);
        }
        return out;
    }

    private static TokenRange tokens(ConfigNode node) {
        Fields f = Fields.of(node, Set.of("gt", "gte", "lt", "lte"));
        long max = Long.MAX_VALUE / 2;
        long min = Math.max(f.longValue("gt", 0, max, -1) + 1, f.longValue("gte", 0, max, 0));
        long hi = Math.min(f.longValue("lt", 1, max, max + 1) - 1, f.longValue("lte", 0, max, max));
        if (!f.has("gt") && !f.has("gte") && !f.has("lt") && !f.has("lte") && !f.failed()) {
            node.fail("needs at least one of gt, gte, lt, lte");
        } else if (min > hi && !f.failed()) {
            node.fail("no token count satisfies it (from " + min + " to " + hi + ")");
        }
        return new TokenRange(min, hi);
    }

    private static Map<String, Set<String>> headers(ConfigNode node) {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        for (Map.Entry<String, ConfigNode> e : node.entries().entrySet()) {
            String name = e.getKey().toLowerCase(Locale.ROOT);
            if (!HEADER.matcher(name).matches()) {
                e.getValue().fail("invalid header name '" + e.getKey() + "'");
            } else if (SECRET_HEADERS.contains(name)) {
                e.getValue().fail("rules may not match on the credential header '" + name + "'");
            } else if (out.put(name, new LinkedHashSet<>(e.getValue().strings())) != null) {
                e.getValue().fail("header '" + name + "' given twice");
            }
        }
        return out;
    }

    private static TimeWindow time(ConfigNode node) {
        Fields f = Fields.of(node, Set.of("from", "to", "zone"));
        int from = minute(f, "from");
        int to = minute(f, "to");
        ZoneId zone = ZoneId.of("UTC");
        String z = f.text("zone");
        if (z != null) {
            try {
                zone = ZoneId.of(z);
            } catch (DateTimeException e) {
                f.get("zone").fail("unknown time zone '" + z + "' (use an IANA name such as Asia/Shanghai)");
            }
        }
        if (from >= 0 && from == to) {
            node.fail("'from' and 'to' are equal; omit 'time' to match all day");
        }
        return new TimeWindow(Math.max(from, 0), Math.max(to, 0), zone);
    }

    private static int minute(Fields f, String key) {
        String s = f.required(key);
        if (s == null) {
            return -1;
        }
        Matcher m = HH_MM.matcher(s);
        if (!m.matches()) {
            f.get(key).fail("expected a time HH:MM (24h), got '" + s + "'");
            return -1;
        }
        return Integer.parseInt(m.group(1)) * 60 + Integer.parseInt(m.group(2));
    }
}
