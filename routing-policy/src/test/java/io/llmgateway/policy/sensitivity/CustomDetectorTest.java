package io.llmgateway.policy.sensitivity;

import static io.llmgateway.policy.sensitivity.Detections.matches;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CustomDetectorTest {

    private static final SensitivityClassifier CLASSIFIER = SensitivityClassifier.of(ClassifierConfig.custom()
            .customKeywords("projects", List.of("Falcon", "鲲鹏计划", "Blue Whale"))
            .customKeywords("customers", List.of("ACME-0042"))
            .customRegex("customer-id", "CUST-\\d{6}")
            .build());

    @Test
    void keywordListsMatchCaseInsensitivelyAsWholeWords() {
        assertThat(matches(CLASSIFIER, "custom-projects", "project falcon, FALCON9, Falconry, blue whale, 启动鲲鹏计划"))
                .containsExactly("falcon", "blue whale", "鲲鹏计划");
        assertThat(matches(CLASSIFIER, "custom-customers", "order for acme-0042.")).containsExactly("acme-0042");
    }

    @Test
    void caseAndWordBoundariesAreOptions() {
        SensitivityClassifier exact = SensitivityClassifier.of(ClassifierConfig.custom()
                .customKeywords("projects", List.of("Falcon")).customKeywordsCaseInsensitive(false)
                .customKeywordsWholeWords(false).build());
        assertThat(matches(exact, "custom-projects", "falcon Falconry Falcon")).containsExactly("Falcon", "Falcon");
    }

    @Test
    void regexesReportUnderTheirName() {
        assertThat(matches(CLASSIFIER, "custom-customer-id", "tickets CUST-123456 and CUST-12345"))
                .containsExactly("CUST-123456");
        ScanResult r = CLASSIFIER.scan(List.of("CUST-123456 Falcon"));
        assertThat(r.find("custom-customer-id").orElseThrow().kind()).isEqualTo(FindingKind.CUSTOM);
        assertThat(r.detectorIds()).contains("custom-projects", "custom-customer-id");
    }
}
