package io.llmgateway.policy.rule;

import java.util.Map;
import java.util.Set;

/**
 * A rule's conditions; every given one must hold (null or empty = not constrained).
 *
 * @param apps         app ids
 * @param models       model aliases
 * @param dataClasses  effective data classes admitted ({@code at-least}, {@code at-most}, {@code exact} compiled to a set); null = any
 * @param findings     any of these detector ids or categories fired
 * @param promptTokens estimated prompt tokens range; null = any
 * @param stream       whether the client asked for a stream; null = either
 * @param tools        whether the request carries tools; null = either
 * @param json         whether the request asks for JSON output (response_format); null = either
 * @param headers      lower-case header name -> accepted values (exact match)
 * @param time         daily time window; null = any time
 */
public record When(
        Set<String> apps,
        Set<String> models,
        Set<String> dataClasses,
        Set<String> findings,
        TokenRange promptTokens,
        Boolean stream,
        Boolean tools,
        Boolean json,
        Map<String, Set<String>> headers,
        TimeWindow time) {

    public static final When ANY = new When(Set.of(), Set.of(), null, Set.of(), null, null, null, null, Map.of(), null);

    public When {
        apps = Set.copyOf(apps);
        models = Set.copyOf(models);
        dataClasses = dataClasses == null ? null : Set.copyOf(dataClasses);
        findings = Set.copyOf(findings);
        headers = Map.copyOf(headers);
    }

    /** True when the rule matches every request (a catch-all). */
    public boolean matchesAll() {
        return equals(ANY);
    }
}
