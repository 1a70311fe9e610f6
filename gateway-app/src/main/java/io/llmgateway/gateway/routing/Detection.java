package io.llmgateway.gateway.routing;

import io.llmgateway.policy.DataClass;
import java.util.Set;

/**
 * What the sensitivity classifier found in a request: the seam through which detection reaches routing.
 *
 * @param dataClass   the minimum class the findings imply (policy {@code sensitivity.findings}; masked findings
 *                    excluded), the most sensitive class when the scan was incomplete, or null
 * @param detectorIds detector ids that fired (masked ones included: rules matching {@code findings} see them)
 * @param categories  their categories ({@code pii}, {@code financial}, {@code secret}, {@code source-code}, {@code custom})
 * @param incomplete  the scan did not cover the whole request (cap, deadline, failure): {@code dataClass} is
 *                    then the most sensitive class, whatever was found
 */
public record Detection(DataClass dataClass, Set<String> detectorIds, Set<String> categories, boolean incomplete) {

    public static final Detection NONE = new Detection(null, Set.of(), Set.of());

    public Detection {
        detectorIds = Set.copyOf(detectorIds);
        categories = Set.copyOf(categories);
    }

    public Detection(DataClass dataClass, Set<String> detectorIds, Set<String> categories) {
        this(dataClass, detectorIds, categories, false);
    }
}
