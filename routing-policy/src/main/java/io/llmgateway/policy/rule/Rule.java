package io.llmgateway.policy.rule;

import java.util.Objects;

/**
 * One routing rule: rules are tried in order and the first whose conditions hold decides.
 *
 * @param name   unique name, shown in {@code x-gateway-route}, metrics and explain
 * @param index  position in the file ({@code rules[index]})
 * @param when   conditions
 * @param route  where to send a match; null when the rule refuses
 * @param refuse message to refuse a match with (403); null when the rule routes
 */
public record Rule(String name, int index, When when, Route route, String refuse) {

    public Rule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(when, "when");
        if ((route == null) == (refuse == null)) {
            throw new IllegalArgumentException("a rule either routes or refuses");
        }
    }

    public String path() {
        return "rules[" + index + "]";
    }
}
