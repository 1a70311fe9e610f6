package io.llmgateway.gateway.sensitivity;

import io.llmgateway.policy.DataClass;
import io.llmgateway.policy.PolicyException;
import io.llmgateway.policy.SensitivitySettings;
import io.llmgateway.policy.sensitivity.BuiltInDetectors;
import io.llmgateway.policy.sensitivity.Detector;
import io.llmgateway.policy.sensitivity.FindingKind;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The policy's {@code sensitivity.findings} compiled per finding id: the data class a finding implies.
 * The most specific entry wins: the finding id ({@code secret-openai}, {@code custom-projects}), then the
 * detector or list it comes from ({@code api-key}, the list name {@code projects}), then its category
 * ({@code secret}). A finding no entry names implies no class. An entry that names nothing the classifier
 * can report is refused (a typo would otherwise silently leave data unprotected).
 */
final class FindingClasses {

    private final Map<String, DataClass> byFinding;
    private final Map<String, FindingKind> kinds;

    private FindingClasses(Map<String, DataClass> byFinding, Map<String, FindingKind> kinds) {
        this.byFinding = Map.copyOf(byFinding);
        this.kinds = Map.copyOf(kinds);
    }

    static FindingClasses compile(SensitivitySettings settings, List<Detector> detectors, String source,
                                  List<PolicyException.Problem> problems) {
        Map<String, DataClass> entries = settings.findings();
        Set<String> known = new TreeSet<>(SensitivitySettings.CATEGORIES);
        known.addAll(BuiltInDetectors.IDS);
        known.addAll(settings.keywords().keySet());
        known.addAll(settings.regexes().keySet());
        Map<String, DataClass> byFinding = new HashMap<>();
        Map<String, FindingKind> kinds = new HashMap<>();
        for (Detector d : detectors) {
            for (String id : d.findingIds()) {
                known.add(id);
                FindingKind kind = d.kindOf(id);
                kinds.put(id, kind);
                DataClass c = first(entries, id, listName(id), d.id(), category(kind));
                if (c != null) {
                    byFinding.put(id, c);
                }
            }
        }
        for (String key : entries.keySet()) {
            if (!known.contains(key)) {
                problems.add(new PolicyException.Problem(source, 0, "sensitivity.findings." + key,
                        "'" + key + "' is neither a category (" + String.join(", ", SensitivitySettings.CATEGORIES)
                                + ") nor a detector, finding id or keyword/regex name the classifier reports (known: "
                                + String.join(", ", known) + ")"));
            }
        }
        return new FindingClasses(byFinding, kinds);
    }

    /** The class a finding implies, or null. */
    DataClass of(String findingId) {
        return byFinding.get(findingId);
    }

    /** The category of a finding id ({@code pii}, {@code financial}, {@code secret}, {@code source-code}, {@code custom}). */
    String categoryOf(String findingId) {
        FindingKind k = kinds.get(findingId);
        return k == null ? "custom" : category(k);
    }

    static String category(FindingKind kind) {
        return kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** {@code custom-projects} -> {@code projects}; null for built-in ids. */
    private static String listName(String findingId) {
        return findingId.startsWith("custom-") ? findingId.substring("custom-".length()) : null;
    }

    private static DataClass first(Map<String, DataClass> entries, String... keys) {
        for (String k : keys) {
            if (k != null && entries.containsKey(k)) {
                return entries.get(k);
            }
        }
        return null;
    }
}
