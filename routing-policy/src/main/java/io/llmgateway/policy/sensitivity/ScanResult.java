package io.llmgateway.policy.sensitivity;

import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a scan found. Holds detector ids, counts and offsets, never matched text, so it (and its
 * {@link #toString()}) is safe for logs and metrics.
 *
 * @param findings        one entry per detector id that matched, in detector order
 * @param truncated       true when not all text was scanned; the caller must then treat the request
 *                        as the most sensitive class
 * @param truncationCause why; {@link TruncationCause#NONE} exactly when not truncated
 * @param charsScanned    how many chars the detectors covered
 */
public record ScanResult(List<Finding> findings, boolean truncated, TruncationCause truncationCause, long charsScanned) {

    public ScanResult {
        findings = List.copyOf(findings);
        Objects.requireNonNull(truncationCause, "truncationCause");
        if (truncated == (truncationCause == TruncationCause.NONE)) {
            throw new IllegalArgumentException(
                    "truncated=" + truncated + " contradicts truncationCause=" + truncationCause);
        }
    }

    /** The ids of all detectors that matched. */
    public Set<String> detectorIds() {
        Set<String> ids = new LinkedHashSet<>();
        for (Finding f : findings) {
            ids.add(f.detectorId());
        }
        return ids;
    }

    /** The categories of all findings. */
    public Set<FindingKind> kinds() {
        Set<FindingKind> kinds = EnumSet.noneOf(FindingKind.class);
        for (Finding f : findings) {
            kinds.add(f.kind());
        }
        return kinds;
    }

    /** Number of matches of one detector id, 0 if none. */
    public int count(String detectorId) {
        return find(detectorId).map(Finding::count).orElse(0);
    }

    public Optional<Finding> find(String detectorId) {
        for (Finding f : findings) {
            if (f.detectorId().equals(detectorId)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** No finding and nothing left unscanned. */
    public boolean isEmpty() {
        return findings.isEmpty() && !truncated;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("ScanResult[");
        for (int i = 0; i < findings.size(); i++) {
            Finding f = findings.get(i);
            sb.append(i == 0 ? "" : ", ").append(f.detectorId()).append('=').append(f.count());
        }
        return sb.append(findings.isEmpty() ? "" : ", ").append("truncated=").append(truncated)
                .append(truncated ? "(" + truncationCause + ")" : "")
                .append(", charsScanned=").append(charsScanned).append(']').toString();
    }
}
