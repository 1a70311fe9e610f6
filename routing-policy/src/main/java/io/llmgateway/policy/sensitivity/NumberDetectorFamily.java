package io.llmgateway.policy.sensitivity;

import io.llmgateway.policy.sensitivity.text.DigitRunDetector;
import io.llmgateway.policy.sensitivity.text.DigitRunScanner;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The enabled number detectors ({@code cn-id}, {@code cn-mobile}, {@code cn-landline},
 * {@code bank-card}) run as one pass: the text's digit runs are found once and each run is handed
 * to every member. Findings keep their members' ids and kinds.
 */
final class NumberDetectorFamily implements Detector {

    static final String ID = "numbers";

    private final List<DigitRunDetector> members;
    private final Set<String> findingIds;
    private final Map<String, FindingKind> kinds = new HashMap<>();

    NumberDetectorFamily(List<DigitRunDetector> members) {
        this.members = List.copyOf(members);
        Set<String> ids = new LinkedHashSet<>();
        for (DigitRunDetector d : members) {
            for (String id : d.findingIds()) {
                ids.add(id);
                kinds.put(id, d.kindOf(id));
            }
        }
        this.findingIds = Set.copyOf(ids);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public FindingKind kind() {
        return FindingKind.PII;
    }

    @Override
    public FindingKind kindOf(String findingId) {
        return kinds.getOrDefault(findingId, FindingKind.PII);
    }

    @Override
    public Set<String> findingIds() {
        return findingIds;
    }

    @Override
    public void scan(CharSequence text, MatchSink sink) {
        DigitRunScanner.scan(text, (t, run) -> {
            for (DigitRunDetector member : members) {
                member.scanRun(t, run, sink);
            }
        });
    }
}
