package io.llmgateway.policy.sensitivity.secret;

import io.llmgateway.policy.sensitivity.Detector;
import io.llmgateway.policy.sensitivity.FindingKind;
import io.llmgateway.policy.sensitivity.MatchSink;
import io.llmgateway.policy.sensitivity.text.AsciiChars;
import io.llmgateway.policy.sensitivity.text.Offsets;
import io.llmgateway.policy.sensitivity.text.PairSet;
import io.llmgateway.policy.sensitivity.text.ScanText;
import io.llmgateway.policy.sensitivity.text.TextSearch;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code api-key}: the family of vendor API keys (OpenAI and OpenAI-compatible {@code sk-} keys,
 * Anthropic, AWS, GitHub, GitLab, Slack, Alibaba Cloud AccessKey, Google, Stripe, Hugging Face,
 * npm). A key starts a token, so only the offsets where some vendor's prefix starts
 * ({@link #ANCHORS}, found in the pass shared with the other detectors) and a token starts are
 * looked at, in order; there the formats whose prefix is present are tried,
 * longest prefix first, against their body format ({@link VendorKeyFormat}), and a key found skips
 * the offsets inside it. Each vendor reports under its own id, {@code secret-<vendor>}.
 */
public final class ApiKeyDetector implements Detector {

    public static final String ID = "api-key";
    /** Where a key may start: the first two chars of every prefix, read from the scan's shared pass. */
    public static final PairSet ANCHORS = anchors();

    /** Per ASCII char, the formats whose prefix starts with it, longest prefix first; null if none. */
    private final VendorKeyFormat[][] byFirstChar = new VendorKeyFormat[128][];
    private final Set<String> findingIds;

    public ApiKeyDetector() {
        List<VendorKeyFormat> formats = new ArrayList<>(VendorKeyFormats.all());
        formats.sort(Comparator.comparingInt((VendorKeyFormat f) -> f.prefix().length()).reversed());
        Set<String> ids = new LinkedHashSet<>();
        for (VendorKeyFormat f : VendorKeyFormats.all()) {
            ids.add(f.findingId());
        }
        for (char c = 0; c < 128; c++) {
            List<VendorKeyFormat> starting = new ArrayList<>();
            for (VendorKeyFormat f : formats) {
                if (f.prefix().charAt(0) == c) {
                    starting.add(f);
                }
            }
            byFirstChar[c] = starting.isEmpty() ? null : starting.toArray(VendorKeyFormat[]::new);
        }
        this.findingIds = Set.copyOf(ids);
    }

    private static PairSet anchors() {
        PairSet.Builder pairs = PairSet.builder();
        for (VendorKeyFormat f : VendorKeyFormats.all()) {
            pairs.add(f.prefix().charAt(0), f.prefix().charAt(1));
        }
        return pairs.build();
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
        ScanText t = ScanText.of(text);
        char[] c = t.array();
        Offsets anchors = t.anchors(ANCHORS);
        int matchedTo = 0;
        for (int a = 0; a < anchors.count(); a++) {
            int start = anchors.get(a);
            if (start < matchedTo || c[start] >= 128 || byFirstChar[c[start]] == null
                    || (start > 0 && AsciiChars.isAlnum(c[start - 1]))) {
                continue;
            }
            int end = reportKeyAt(t, start, byFirstChar[c[start]], sink);
            if (end > 0) {
                matchedTo = end;
            }
        }
    }

    /**
     * Reports the key at {@code start} of the first format (longest prefix first) whose prefix is
     * there and whose body fits, and returns its end; -1 if there is none.
     */
    private static int reportKeyAt(ScanText t, int start, VendorKeyFormat[] formats, MatchSink sink) {
        for (VendorKeyFormat f : formats) {
            if (TextSearch.regionMatches(t, start, f.prefix())) {
                int end = f.match(t, start);
                if (end > 0) {
                    sink.match(f.findingId(), start, end);
                    return end;
                }
            }
        }
        return -1;
    }
}
