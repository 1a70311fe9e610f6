package io.llmgateway.policy.sensitivity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RedactorTest {

    private static final List<String> TEXTS = List.of(
            "Mail alice@example.com or bob@example.com; id 110101199001011237.",
            "Again alice@example.com, card 4111 1111 1111 1111.");

    private static Redaction redact(List<String> texts) {
        return Redactor.redact(texts, Detections.defaultClassifier().scan(texts));
    }

    @Test
    void masksWithStablePlaceholders() {
        Redaction r = redact(TEXTS);
        assertThat(r.texts()).containsExactly(
                "Mail [[EMAIL_1]] or [[EMAIL_2]]; id [[CN_ID_1]].",
                "Again [[EMAIL_1]], card [[BANK_CARD_1]].");
        assertThat(r.map().size()).isEqualTo(4);
        assertThat(r.toString()).doesNotContain("alice");
        assertThat(r.map().toString()).isEqualTo("RedactionMap[placeholders=4]");
    }

    @Test
    void restoresAnAnswer() {
        Redaction r = redact(TEXTS);
        String answer = "Wrote to [[EMAIL_1]] and [[EMAIL_2]] about [[CN_ID_1]]; [[UNKNOWN_9]] stays, [x] too.";
        assertThat(r.map().restore(answer)).isEqualTo(
                "Wrote to alice@example.com and bob@example.com about 110101199001011237; [[UNKNOWN_9]] stays, [x] too.");
    }

    @Test
    void canMaskOnlySomeFindings() {
        List<String> texts = List.of(TEXTS.get(0));
        Redaction r = Redactor.redact(texts, Detections.defaultClassifier().scan(texts), f -> f.detectorId().equals("email"));
        assertThat(r.texts().get(0)).isEqualTo("Mail [[EMAIL_1]] or [[EMAIL_2]]; id 110101199001011237.");
    }

    @Test
    void skipsPlaceholdersAlreadyInTheText() {
        List<String> texts = List.of("literal [[EMAIL_1]] then carol@example.com");
        Redaction r = redact(texts);
        assertThat(r.texts().get(0)).isEqualTo("literal [[EMAIL_1]] then [[EMAIL_2]]");
        assertThat(r.map().restore("[[EMAIL_2]]")).isEqualTo("carol@example.com");
    }

    @Test
    void mergesOverlappingFindingsUnderTheLongestLabel() {
        List<String> texts = List.of("OPENAI_API_KEY=sk-3f9a2b7c4d1e8f6a5b0c9d2e7f4a1b3c done");
        Redaction r = redact(texts);
        assertThat(r.texts().get(0)).isEqualTo("OPENAI_API_KEY=[[SECRET_OPENAI_1]] done");
    }

    @Test
    void streamingRestorerHandlesAPlaceholderSplitAtEveryPosition() {
        Redaction r = redact(TEXTS);
        String answer = "A [[EMAIL_1]][[CN_ID_1]] b [[EMAIL_2]]. [[NOPE_1]] [ [[ [x]] end[[";
        String expected = r.map().restore(answer);
        for (int i = 0; i <= answer.length(); i++) {
            for (int j = i; j <= answer.length(); j++) {
                StreamingRestorer s = r.map().streamingRestorer();
                String out = s.push(answer.substring(0, i)) + s.push(answer.substring(i, j)) + s.push(answer.substring(j)) + s.flush();
                assertThat(out).as("split at %d and %d", i, j).isEqualTo(expected);
            }
        }
    }

    @Test
    void streamingRestorerHoldsBackOnlyAPossiblePlaceholderPrefix() {
        StreamingRestorer s = redact(TEXTS).map().streamingRestorer();
        assertThat(s.push("Hello [")).isEqualTo("Hello ");
        assertThat(s.push("[EMA")).isEmpty();
        assertThat(s.push("IL_1]")).isEmpty();
        assertThat(s.push("] and [x")).isEqualTo("alice@example.com and [x");
        assertThat(s.push(" one char at a time")).isEqualTo(" one char at a time");
        assertThat(s.flush()).isEmpty();
    }

    @Test
    void charByCharStreamEqualsWholeRestore() {
        Redaction r = redact(TEXTS);
        String answer = "[[EMAIL_1]] x [[BANK_CARD_1]]y[[EMAIL_2]]";
        StreamingRestorer s = r.map().streamingRestorer();
        StringBuilder out = new StringBuilder();
        for (char c : answer.toCharArray()) {
            out.append(s.push(String.valueOf(c)));
        }
        assertThat(out.append(s.flush()).toString()).isEqualTo(r.map().restore(answer));
    }
}
