package io.llmgateway.policy;

import io.llmgateway.policy.yaml.ConfigNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Binds the {@code sensitivity} section; the classifier gives it behaviour. */
final class SensitivityBinder {

    private static final Set<String> FIELDS = Set.of(
            "findings", "source-code-threshold", "keywords", "regexes", "max-scan-chars", "on-error");

    private SensitivityBinder() {
    }

    static SensitivitySettings bind(ConfigNode node, DataClasses classes) {
        SensitivitySettings d = SensitivitySettings.DEFAULTS;
        Fields f = Fields.of(node, FIELDS);
        Map<String, List<String>> keywords = keywords(f.get("keywords"));
        Map<String, String> regexes = regexes(f.get("regexes"));
        for (String name : regexes.keySet()) {
            if (keywords.containsKey(name)) {
                f.get("regexes").fail("'" + name + "' names both a keyword list and a regex");
            }
        }
        Map<String, DataClass> findings = new LinkedHashMap<>();
        if (f.has("findings")) {
            for (Map.Entry<String, ConfigNode> e : f.get("findings").entries().entrySet()) {
                if (!Fields.ID.matcher(e.getKey()).matches()) {
                    e.getValue().fail("'" + e.getKey() + "' is neither a category (" + String.join(", ", SensitivitySettings.CATEGORIES)
                            + ") nor a detector id");
                    continue;
                }
                String cls = e.getValue().text();
                DataClass c = cls == null ? null : classes.byId(cls).orElse(null);
                if (cls != null && c == null) {
                    e.getValue().fail("unknown data class '" + cls + "' (known: " + String.join(", ", classes.ids()) + ")");
                } else if (c != null) {
                    findings.put(e.getKey(), c);
                }
            }
        }
        String onError = f.text("on-error");
        if (onError != null && !onError.equals("most-sensitive")) {
            f.get("on-error").fail("only 'most-sensitive' is supported (a failed scan never lowers the class), got '" + onError + "'");
        }
        return new SensitivitySettings(findings, f.number("source-code-threshold", 0, 1, d.sourceCodeThreshold()),
                keywords, regexes, f.integer("max-scan-chars", 1024, 256 * 1024 * 1024, d.maxScanChars()));
    }

    private static Map<String, List<String>> keywords(ConfigNode node) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (node == null) {
            return out;
        }
        for (Map.Entry<String, ConfigNode> e : node.entries().entrySet()) {
            if (!Fields.ID.matcher(e.getKey()).matches()) {
                e.getValue().fail("invalid keyword list name '" + e.getKey() + "'");
                continue;
            }
            List<String> words = e.getValue().strings();
            if (words.isEmpty()) {
                e.getValue().fail("a keyword list needs at least one word");
            }
            out.put(e.getKey(), List.copyOf(words));
        }
        return out;
    }

    private static Map<String, String> regexes(ConfigNode node) {
        Map<String, String> out = new LinkedHashMap<>();
        if (node == null) {
            return out;
        }
        for (Map.Entry<String, ConfigNode> e : node.entries().entrySet()) {
            if (!Fields.ID.matcher(e.getKey()).matches()) {
                e.getValue().fail("invalid regex name '" + e.getKey() + "'");
                continue;
            }
            String re = e.getValue().text();
            if (re == null) {
                continue;
            }
            try {
                Pattern.compile(re);
                out.put(e.getKey(), re);
            } catch (PatternSyntaxException ex) {
                e.getValue().fail("not a valid regular expression: " + ex.getDescription() + " in '" + re + "'");
            }
        }
        return out;
    }
}
