package io.llmgateway.policy.sensitivity.custom;

import io.llmgateway.policy.sensitivity.Detector;
import io.llmgateway.policy.sensitivity.FindingKind;
import io.llmgateway.policy.sensitivity.MatchSink;
import io.llmgateway.policy.sensitivity.text.KeywordAutomaton;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code custom-keywords}: the policy's keyword lists (project code names, customer ids...), all
 * lists in one Aho–Corasick automaton, so the cost is one pass whatever the number of keywords. Each
 * list {@code name} reports under {@code custom-<name>}.
 */
public final class KeywordListDetector implements Detector {

    public static final String ID = "custom-keywords";

    private final KeywordAutomaton automaton;
    private final String[] findingIdOfKeyword;
    private final Set<String> findingIds;

    /**
     * @param lists           list name to keywords
     * @param caseInsensitive match ignoring case
     * @param wholeWords      a match must not continue an ASCII word
     */
    public KeywordListDetector(Map<String, List<String>> lists, boolean caseInsensitive, boolean wholeWords) {
        KeywordAutomaton.Builder builder = KeywordAutomaton.builder().caseInsensitive(caseInsensitive).wholeWords(wholeWords);
        List<String> ids = new ArrayList<>();
        Set<String> all = new LinkedHashSet<>();
        lists.forEach((name, keywords) -> {
            String findingId = findingId(name);
            all.add(findingId);
            for (String keyword : keywords) {
                builder.add(keyword);
                ids.add(findingId);
            }
        });
        this.automaton = builder.build();
        this.findingIdOfKeyword = ids.toArray(String[]::new);
        this.findingIds = Set.copyOf(all);
    }

    /** The finding id of a custom list or pattern name. */
    public static String findingId(String name) {
        return "custom-" + name;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public FindingKind kind() {
        return FindingKind.CUSTOM;
    }

    @Override
    public Set<String> findingIds() {
        return findingIds;
    }

    @Override
    public void scan(CharSequence text, MatchSink sink) {
        int[] lastEnd = {-1};
        String[] lastId = {null};
        automaton.search(text, (k, start, end) -> {
            String id = findingIdOfKeyword[k];
            if (end == lastEnd[0] && id.equals(lastId[0])) {
                return;
            }
            lastEnd[0] = end;
            lastId[0] = id;
            sink.match(id, start, end);
        });
    }
}
