package io.llmgateway.gateway.routing;

import io.llmgateway.policy.DataClass;

/**
 * The effective data class of a request and where it came from.
 *
 * @param effective the class planned for: max(floor, declared, detected, default)
 * @param source    which input decided it: {@code floor}, {@code header}, {@code findings}, {@code scan_incomplete}
 *                  (the classifier could not scan everything: most sensitive) or {@code default}
 * @param floor     the app's floor
 * @param declared  the class named in {@code x-data-class}, or null
 * @param detected  the class the findings imply, or null
 * @param fallback  the policy's default class
 */
public record DataClassDecision(DataClass effective, String source, DataClass floor, DataClass declared,
                                DataClass detected, DataClass fallback) {
}
