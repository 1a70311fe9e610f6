package io.llmgateway.policy.sensitivity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SensitivityClassifierTest {

    private static final String EMAIL = "alice@example.com";

    @Test
    void reportsFindingsPerTextWithOffsetsOnly() {
        ScanResult r = Detections.defaultClassifier().scan(List.of("hello", "mail " + EMAIL, "id 110101199001011237"));
        assertThat(r.detectorIds()).containsExactly("cn-id", "email");
        assertThat(r.count("email")).isEqualTo(1);
        assertThat(r.find("email").orElseThrow().spans()).containsExactly(new Span(1, 5, 5 + EMAIL.length()));
        assertThat(r.kinds()).containsExactlyInAnyOrder(FindingKind.PII);
        assertThat(r.truncated()).isFalse();
        assertThat(r.isEmpty()).isFalse();
        assertThat(r.charsScanned()).isEqualTo(5 + 5 + EMAIL.length() + 21);
    }

    @Test
    void toStringNeverContainsMatchedText() {
        ScanResult r = Detections.defaultClassifier().scan(List.of("mail " + EMAIL + " key AKIAQ3EGRLAUXTKGWV7Z"));
        assertThat(r.toString()).contains("email=1", "secret-aws=1").doesNotContain("alice", "AKIA");
        assertThat(r.findings().toString()).doesNotContain("alice", "AKIA");
    }

    @Test
    void marksTextBeyondTheCapAsTruncated() {
        SensitivityClassifier c = SensitivityClassifier.of(ClassifierConfig.custom().maxCharsScanned(10).build());
        ScanResult r = c.scan(List.of("0123456789", "more text " + EMAIL));
        assertThat(r.truncated()).isTrue();
        assertThat(r.truncationCause()).isEqualTo(TruncationCause.SIZE_CAP);
        assertThat(r.findings()).isEmpty();
        assertThat(r.isEmpty()).isFalse();
        assertThat(r.charsScanned()).isEqualTo(10);
    }

    @Test
    void stopsAtTheDeadline() {
        AtomicLong clock = new AtomicLong();
        Detector slow = new FixedDetector("slow", () -> clock.addAndGet(1_000));
        SensitivityClassifier c = SensitivityClassifier.of(ClassifierConfig.ofDefaults(), List.of(slow, slow), clock::get);
        ScanResult r = c.scan(List.of("a", "b"), 1_500);
        assertThat(r.truncated()).isTrue();
        assertThat(r.truncationCause()).isEqualTo(TruncationCause.DEADLINE);
    }

    @Test
    void aFailingDetectorMarksTheResultTruncatedAndTheOthersStillRun() {
        Detector broken = new FixedDetector("broken", () -> {
            throw new IllegalStateException("bug");
        });
        Detector ok = new FixedDetector("ok", () -> { });
        SensitivityClassifier c = SensitivityClassifier.of(ClassifierConfig.ofDefaults(), List.of(broken, ok), System::nanoTime);
        ScanResult r = c.scan(List.of("text"));
        assertThat(r.truncationCause()).isEqualTo(TruncationCause.DETECTOR_FAILED);
        assertThat(r.detectorIds()).containsExactly("ok");
    }

    @Test
    void aCustomRegexOverItsBudgetMarksTheResultTruncated() {
        SensitivityClassifier c = SensitivityClassifier.of(ClassifierConfig.custom()
                .customRegex("slow", "(a|a)*b").customRegexStepsPerChar(1).build());
        ScanResult r = c.scan(List.of("a".repeat(30_000)));
        assertThat(r.truncationCause()).isEqualTo(TruncationCause.REGEX_BUDGET);
    }

    @Test
    void emptyAndNullTextsAreFine() {
        ScanResult r = Detections.defaultClassifier().scan(java.util.Arrays.asList("", null));
        assertThat(r.isEmpty()).isTrue();
    }

    /** Reports one match over the whole text after running {@code action}. */
    private record FixedDetector(String id, Runnable action) implements Detector {
        @Override
        public FindingKind kind() {
            return FindingKind.CUSTOM;
        }

        @Override
        public void scan(CharSequence text, MatchSink sink) {
            action.run();
            sink.match(id, 0, text.length());
        }
    }
}
