package io.llmgateway.policy.sensitivity;

import io.llmgateway.policy.sensitivity.text.PairIndex;
import io.llmgateway.policy.sensitivity.text.ScanText;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.LongSupplier;

/**
 * Scans the text of a request with every configured {@link Detector}. Immutable and thread-safe;
 * build one per policy with {@link #of} and share it.
 *
 * <p>Cost is bounded: at most {@link ClassifierConfig#maxCharsScanned()} chars are scanned (the
 * texts in order; the rest is not scanned and the result says {@code truncated}), every detector is
 * linear in the text, and a deadline is checked before each detector runs over each text. A
 * detector that throws is skipped and the result is marked truncated. The caller must treat a
 * truncated result as the most sensitive class: the scan fails closed.
 */
public final class SensitivityClassifier {

    /** No deadline. */
    public static final long NO_DEADLINE = Long.MAX_VALUE;

    private final ClassifierConfig config;
    private final List<Detector> detectors;
    /** Per detector, its finding ids in the order findings are reported (sorted). */
    private final List<List<String>> reportOrder;
    /** The anchors the detectors share, found in one pass per text. */
    private final PairIndex anchors;
    private final LongSupplier nanoClock;

    private SensitivityClassifier(ClassifierConfig config, List<Detector> detectors, LongSupplier nanoClock) {
        this.config = config;
        this.detectors = detectors;
        this.reportOrder = detectors.stream().map(d -> List.copyOf(new TreeSet<>(d.findingIds()))).toList();
        this.anchors = BuiltInDetectors.anchors(config);
        this.nanoClock = nanoClock;
    }

    public static SensitivityClassifier of(ClassifierConfig config) {
        Objects.requireNonNull(config, "config");
        return new SensitivityClassifier(config, BuiltInDetectors.of(config), System::nanoTime);
    }

    /** A classifier reading time from {@code nanoClock} (tests). */
    static SensitivityClassifier of(ClassifierConfig config, List<Detector> detectors, LongSupplier nanoClock) {
        return new SensitivityClassifier(config, List.copyOf(detectors), nanoClock);
    }

    public ClassifierConfig config() {
        return config;
    }

    /** The detectors in scan order. */
    public List<Detector> detectors() {
        return detectors;
    }

    /** Scans {@code texts} within the configured {@link ClassifierConfig#scanTimeout()}, if any. */
    public ScanResult scan(List<? extends CharSequence> texts) {
        long timeout = config.scanTimeout().toNanos();
        return scan(texts, timeout == 0 ? NO_DEADLINE : nanoClock.getAsLong() + timeout);
    }

    /**
     * Scans {@code texts} (messages, tool definitions and results, prompt or input, in request order).
     *
     * @param deadlineNanos {@link System#nanoTime()} value after which no further detector starts, or
     *                      {@link #NO_DEADLINE}
     */
    public ScanResult scan(List<? extends CharSequence> texts, long deadlineNanos) {
        Objects.requireNonNull(texts, "texts");
        List<ScanText> prepared = new ArrayList<>(texts.size());
        long remaining = config.maxCharsScanned();
        TruncationCause cause = TruncationCause.NONE;
        long scanned = 0;
        for (CharSequence text : texts) {
            int length = text == null ? 0 : text.length();
            int take = (int) Math.min(length, remaining);
            if (take < length) {
                cause = TruncationCause.SIZE_CAP;
            }
            prepared.add(ScanText.of(take == 0 ? "" : take < length ? text.subSequence(0, take) : text, anchors));
            remaining -= take;
            scanned += take;
        }
        SpanCollector spans = new SpanCollector();
        outer:
        for (Detector detector : detectors) {
            for (int i = 0; i < prepared.size(); i++) {
                ScanText text = prepared.get(i);
                if (text.length() == 0) {
                    continue;
                }
                if (deadlineNanos != NO_DEADLINE && nanoClock.getAsLong() - deadlineNanos > 0) {
                    cause = first(cause, TruncationCause.DEADLINE);
                    break outer;
                }
                TruncationCause failure = run(detector, text, i, spans);
                cause = first(cause, failure);
            }
        }
        return new ScanResult(spans.findings(detectors, reportOrder), cause != TruncationCause.NONE, cause, scanned);
    }

    private static TruncationCause run(Detector detector, ScanText text, int textIndex, SpanCollector spans) {
        try {
            detector.scan(text, spans.sink(detector, textIndex));
            return TruncationCause.NONE;
        } catch (ScanBudgetExceededException e) {
            return TruncationCause.REGEX_BUDGET;
        } catch (RuntimeException e) {
            return TruncationCause.DETECTOR_FAILED;
        }
    }

    private static TruncationCause first(TruncationCause current, TruncationCause next) {
        return current == TruncationCause.NONE ? next : current;
    }

    /** Collects spans per finding id during one scan. */
    private static final class SpanCollector {
        private final Map<String, List<Span>> byId = new HashMap<>();

        MatchSink sink(Detector detector, int textIndex) {
            return (findingId, start, end) -> {
                if (!detector.findingIds().contains(findingId)) {
                    throw new IllegalStateException("detector " + detector.id() + " reported unknown id " + findingId);
                }
                byId.computeIfAbsent(findingId, k -> new ArrayList<>()).add(new Span(textIndex, start, end));
            };
        }

        List<Finding> findings(List<Detector> detectors, List<List<String>> reportOrder) {
            List<Finding> findings = new ArrayList<>();
            for (int i = 0; i < detectors.size(); i++) {
                Detector d = detectors.get(i);
                for (String id : reportOrder.get(i)) {
                    List<Span> list = byId.get(id);
                    if (list != null) {
                        Collections.sort(list);
                        findings.add(new Finding(id, d.kindOf(id), list.size(), list));
                    }
                }
            }
            return findings;
        }
    }
}
