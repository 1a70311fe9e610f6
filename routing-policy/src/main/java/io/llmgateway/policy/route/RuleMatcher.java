package io.llmgateway.policy.route;

import io.llmgateway.policy.rule.Rule;
import io.llmgateway.policy.rule.When;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Finds the first rule whose conditions all hold for a request. */
final class RuleMatcher {

    private RuleMatcher() {
    }

    static Rule first(List<Rule> rules, RequestFacts f) {
        for (int i = 0, n = rules.size(); i < n; i++) {
            Rule r = rules.get(i);
            if (matches(r.when(), f)) {
                return r;
            }
        }
        return null;
    }

    static boolean matches(When w, RequestFacts f) {
        if (!w.apps().isEmpty() && !w.apps().contains(f.appId())) {
            return false;
        }
        if (!w.models().isEmpty() && !w.models().contains(f.alias())) {
            return false;
        }
        if (w.dataClasses() != null && !w.dataClasses().contains(f.dataClass().id())) {
            return false;
        }
        if (!w.findings().isEmpty() && !anyFinding(w.findings(), f)) {
            return false;
        }
        if (w.promptTokens() != null && !w.promptTokens().contains(f.estimatedPromptTokens())) {
            return false;
        }
        if (w.stream() != null && w.stream() != f.stream()
                || w.tools() != null && w.tools() != f.tools()
                || w.json() != null && w.json() != f.json()) {
            return false;
        }
        if (!w.headers().isEmpty()) {
            for (Map.Entry<String, Set<String>> h : w.headers().entrySet()) {
                String v = f.headers().get(h.getKey());
                if (v == null || !h.getValue().contains(v)) {
                    return false;
                }
            }
        }
        return w.time() == null || w.time().contains(f.receivedAtMillis());
    }

    private static boolean anyFinding(Set<String> wanted, RequestFacts f) {
        if (f.findings().isEmpty() && f.findingCategories().isEmpty()) {
            return false;
        }
        for (String s : wanted) {
            if (f.findings().contains(s) || f.findingCategories().contains(s)) {
                return true;
            }
        }
        return false;
    }
}
