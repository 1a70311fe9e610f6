package io.llmgateway.policy.sensitivity.secret;

import io.llmgateway.policy.sensitivity.Detector;
import io.llmgateway.policy.sensitivity.FindingKind;
import io.llmgateway.policy.sensitivity.MatchSink;
import io.llmgateway.policy.sensitivity.text.AsciiChars;
import io.llmgateway.policy.sensitivity.text.KeywordAutomaton;
import io.llmgateway.policy.sensitivity.text.TextSearch;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code api-key}: the family of vendor API keys (OpenAI and OpenAI-compatible {@code sk-} keys,
 * Anthropic, AWS, GitHub, GitLab, Slack, Alibaba Cloud AccessKey, Google, Stripe, Hugging Face,
 * npm), found in one pass: an Aho–Corasick automaton over all prefixes, then the body of each hit is
 * checked against its format ({@link VendorKeyFormat}). Each vendor reports under its own id,
 * {@code secret-<vendor>}.
 */
public final class ApiKeyDetector implements Detector {

    public static final String ID = "api-key";

    private final List<VendorKeyFormat> formats;
    private final KeywordAutomaton prefixes;
    /** For each prefix, the formats whose prefix starts with it, longest prefix first. */
    private final VendorKeyFormat[][] candidates;
    private final Set<String> findingIds;

    public ApiKeyDetector() {
        this.formats = VendorKeyFormats.all();
        KeywordAutomaton.Builder builder = KeywordAutomaton.builder();
        candidates = new VendorKeyFormat[formats.size()][];
        Set<String> ids = new LinkedHashSet<>();
        for (VendorKeyFormat f : formats) {
            builder.add(f.prefix());
            ids.add(f.findingId());
        }
        for (int k = 0; k < formats.size(); k++) {
            String prefix = formats.get(k).prefix();
            List<VendorKeyFormat> extensions = new ArrayList<>();
            for (VendorKeyFormat f : formats) {
                if (f.prefix().startsWith(prefix)) {
                    extensions.add(f);
                }
            }
            extensions.sort(Comparator.comparingInt((VendorKeyFormat f) -> f.prefix().length()).reversed());
            candidates[k] = extensions.toArray(VendorKeyFormat[]::new);
        }
        this.prefixes = builder.build();
        this.findingIds = Set.copyOf(ids);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public FindingKind kind() {
        return FindingKind.SECRET;
    }

    @Override
    public Set<String> findingIds() {
        return findingIds;
    }

    @Override
    public void scan(CharSequence text, MatchSink sink) {
        int[] matchedTo = {0};
        prefixes.search(text, (k, start, end) -> {
            if (start < matchedTo[0]) {
                return;
            }
            if (start > 0 && AsciiChars.isAlnum(text.charAt(start - 1))) {
                return;
            }
            for (VendorKeyFormat f : candidates[k]) {
                if (!TextSearch.regionMatches(text, start, f.prefix())) {
                    continue;
                }
                int keyEnd = f.match(text, start);
                if (keyEnd > 0) {
                    sink.match(f.findingId(), start, keyEnd);
                    matchedTo[0] = keyEnd;
                    return;
                }
            }
        });
    }
}
