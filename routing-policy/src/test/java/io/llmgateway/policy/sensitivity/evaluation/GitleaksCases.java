package io.llmgateway.policy.sensitivity.evaluation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The gitleaks rule examples (true and false positives per rule), scored by presence: does the mapped
 * detector report anything in the example. Rules without a dedicated detector count for the row
 * "secret (any)" (any SECRET finding). The file was extracted heuristically from gitleaks' Go
 * sources, so: fragments ({@code likely_concat_fragment}), regular expressions and bare prefixes
 * are skipped; {@code aws-access-token} is relabelled (its listed "true positives" are the rule's
 * false positives in {@code aws.go}, the real ones being generated at test time); {@code jwt-base64}
 * is skipped (its one example is a PGP public key); a false positive of one rule that is a true
 * positive of another rule mapped to the same detector (an Anthropic admin key under the API-key
 * rule) is skipped, since for that detector it is no false positive.
 */
final class GitleaksCases {

    static final String SOURCE = "gitleaks";
    private static final Pattern REGEX_LIKE = Pattern.compile("\\[[^\\]]*\\][{*+]|\\\\[wdsb]|\\(\\?|\\{\\d+,?\\d*\\}");
    private static final Pattern LONG_TOKEN = Pattern.compile("[A-Za-z0-9_+=~:@.-]{20,}");
    private static final Set<String> RELABELLED_AS_FALSE_POSITIVES = Set.of("aws-access-token");
    private static final Set<String> SKIPPED_RULES = Set.of("jwt-base64");

    private GitleaksCases() {
    }

    /** Our detector for a gitleaks rule id, or null if none is dedicated to it. */
    static String detectorFor(String rule) {
        if (rule.startsWith("openai")) {
            return "secret-openai";
        }
        if (rule.startsWith("anthropic")) {
            return "secret-anthropic";
        }
        if (rule.equals("aws-access-token") || rule.startsWith("aws-amazon-bedrock-api-key-long")) {
            return "secret-aws";
        }
        if (rule.startsWith("github-")) {
            return "secret-github";
        }
        if (rule.startsWith("gitlab-pat") || rule.equals("gitlab-ptt") || rule.equals("gitlab-rrt")
                || rule.startsWith("gitlab-runner-authentication-token")) {
            return "secret-gitlab";
        }
        if (rule.startsWith("slack-")) {
            return "secret-slack";
        }
        if (rule.startsWith("alibaba-access-key")) {
            return "secret-alibaba";
        }
        if (rule.equals("gcp-api-key")) {
            return "secret-gcp";
        }
        if (rule.startsWith("stripe")) {
            return "secret-stripe";
        }
        if (rule.startsWith("huggingface")) {
            return "secret-huggingface";
        }
        if (rule.equals("private-key")) {
            return "secret-private-key";
        }
        if (rule.equals("generic-api-key") || rule.startsWith("curl-auth")) {
            return "secret-generic";
        }
        if (rule.equals("sidekiq-sensitive-url")) {
            return "secret-connection-password";
        }
        return null;
    }

    static List<LabelledCase> load(SharedData data, int[] skipped) {
        List<LabelledCase> cases = new ArrayList<>();
        List<Map<String, Object>> examples = data.jsonArray("pii/gitleaks/gitleaks_rule_examples.json");
        Set<String> truePositives = new HashSet<>();
        for (Map<String, Object> c : examples) {
            if ("true_positive".equals(c.get("kind")) && !RELABELLED_AS_FALSE_POSITIVES.contains(c.get("rule_id"))) {
                truePositives.add(detectorFor((String) c.get("rule_id")) + "\u0000" + c.get("value"));
            }
        }
        for (Map<String, Object> c : examples) {
            String rule = (String) c.get("rule_id");
            String value = (String) c.get("value");
            boolean truePositive = "true_positive".equals(c.get("kind"));
            if (Boolean.TRUE.equals(c.get("likely_concat_fragment")) || SKIPPED_RULES.contains(rule)
                    || REGEX_LIKE.matcher(value).find() || (truePositive && !LONG_TOKEN.matcher(value).find())) {
                skipped[0]++;
                continue;
            }
            if (RELABELLED_AS_FALSE_POSITIVES.contains(rule)) {
                truePositive = false;
            }
            String detector = detectorFor(rule);
            if (!truePositive && detector != null && truePositives.contains(detector + "\u0000" + value)) {
                skipped[0]++;
                continue;
            }
            cases.add(LabelledCase.presence(new Row(detector == null ? "secret (any)" : detector, SOURCE), value, truePositive));
        }
        return cases;
    }
}
