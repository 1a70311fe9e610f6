package io.llmgateway.policy.sensitivity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClassifierConfigTest {

    @Test
    void defaultsEnableEveryBuiltInDetector() {
        ClassifierConfig c = ClassifierConfig.ofDefaults();
        assertThat(c.enabledDetectors()).containsExactlyInAnyOrderElementsOf(BuiltInDetectors.IDS);
        assertThat(c.maxCharsScanned()).isEqualTo(1 << 20);
        assertThat(SensitivityClassifier.of(c).detectors().stream().flatMap(d -> d.findingIds().stream()))
                .contains("cn-id", "cn-mobile", "cn-landline", "bank-card", "email", "secret-openai", "source-code");
    }

    @Test
    void fromCopiesAndDisableRemoves() {
        ClassifierConfig c = ClassifierConfig.from(ClassifierConfig.ofDefaults()).disable("source-code").build();
        assertThat(c.enabledDetectors()).doesNotContain("source-code").contains("email");
    }

    @Test
    void rejectsBadValuesNamingThem() {
        assertThatThrownBy(() -> ClassifierConfig.custom().sourceCodeThreshold(1.5).build())
                .hasMessageContaining("sourceCodeThreshold").hasMessageContaining("1.5");
        assertThatThrownBy(() -> ClassifierConfig.custom().enabledDetectors(Set.of("nope")).build())
                .hasMessageContaining("'nope'");
        assertThatThrownBy(() -> ClassifierConfig.custom().maxCharsScanned(0).build()).hasMessageContaining("was 0");
        assertThatThrownBy(() -> ClassifierConfig.custom().genericSecretEntropyThreshold(9).build()).hasMessageContaining("9.0");
        assertThatThrownBy(() -> ClassifierConfig.custom().scanTimeout(Duration.ofMillis(-1)).build()).hasMessageContaining("PT-0.001S");
        assertThatThrownBy(() -> ClassifierConfig.custom().customKeywords("Bad Name", List.of("x")).build())
                .hasMessageContaining("'Bad Name'");
        assertThatThrownBy(() -> ClassifierConfig.custom().customKeywords("projects", List.of("ok", " ")).build())
                .hasMessageContaining("customKeywords.projects[1] is blank");
        assertThatThrownBy(() -> ClassifierConfig.custom().customRegex("ids", "(a+)+").build())
                .hasMessageContaining("customRegexes.ids").hasMessageContaining("nested quantifier");
        assertThatThrownBy(() -> ClassifierConfig.custom().customRegex("ids", "[unclosed").build())
                .hasMessageContaining("not a valid regular expression");
        assertThatThrownBy(() -> ClassifierConfig.custom().customKeywords("x", List.of("a")).customRegex("x", "b").build())
                .hasMessageContaining("name of a keyword list");
    }
}
