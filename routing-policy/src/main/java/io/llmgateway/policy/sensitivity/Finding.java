package io.llmgateway.policy.sensitivity;

import java.util.List;
import java.util.Objects;

/**
 * All matches of one detector id in a request. Holds offsets only: the matched text is never
 * copied here, so a finding may be logged or turned into metrics.
 *
 * @param detectorId the finding id, e.g. {@code cn-id} or {@code secret-openai}
 * @param kind       its category
 * @param count      number of matches
 * @param spans      where they are, sorted
 */
public record Finding(String detectorId, FindingKind kind, int count, List<Span> spans) {

    public Finding {
        Objects.requireNonNull(detectorId, "detectorId");
        Objects.requireNonNull(kind, "kind");
        spans = List.copyOf(spans);
        if (count != spans.size()) {
            throw new IllegalArgumentException("count " + count + " differs from the number of spans " + spans.size());
        }
    }
}
