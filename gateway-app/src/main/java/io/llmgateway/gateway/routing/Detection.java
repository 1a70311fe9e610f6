package io.llmgateway.gateway.routing;

import io.llmgateway.policy.DataClass;
import java.util.Set;

/**
 * What the sensitivity classifier found in a request: the seam through which detection reaches routing.
 * Until the classifier is wired in, requests carry {@link #NONE}.
 *
 * @param dataClass   the minimum class the findings imply (policy {@code sensitivity.findings}), or null
 * @param detectorIds detector ids that fired
 * @param categories  their categories ({@code pii}, {@code financial}, {@code secret}, {@code source-code}, {@code custom})
 */
public record Detection(DataClass dataClass, Set<String> detectorIds, Set<String> categories) {

    public static final Detection NONE = new Detection(null, Set.of(), Set.of());

    public Detection {
        detectorIds = Set.copyOf(detectorIds);
        categories = Set.copyOf(categories);
    }
}
