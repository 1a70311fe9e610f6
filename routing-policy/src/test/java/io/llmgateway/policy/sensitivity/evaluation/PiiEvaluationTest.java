package io.llmgateway.policy.sensitivity.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmgateway.policy.sensitivity.ClassifierConfig;
import io.llmgateway.policy.sensitivity.SensitivityClassifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Precision and recall of the detectors over the labelled public cases in {@code ../shared/data/pii}
 * (and the source-code cases of {@link SourceCodeCases}). Prints the table, writes it to
 * {@code target/pii-evaluation.md}, and fails if a detector falls below its floor. Skips when the
 * shared data is absent.
 */
class PiiEvaluationTest {

    /** detector: {precision floor, recall floor}; set a little below the measured figures. */
    private static final Map<String, double[]> FLOORS = Map.ofEntries(
            Map.entry("cn-id", new double[] {0.95, 0.95}),
            Map.entry("cn-mobile", new double[] {0.95, 0.9}),
            Map.entry("cn-phone", new double[] {0.9, 0.25}),
            Map.entry("passport", new double[] {0.95, 0.95}),
            Map.entry("bank-card", new double[] {0.9, 0.85}),
            Map.entry("iban", new double[] {0.95, 0.95}),
            Map.entry("email", new double[] {0.95, 0.9}),
            Map.entry("ip-address", new double[] {0.9, 0.85}),
            Map.entry("private-ip", new double[] {0.9, 0.9}),
            Map.entry("secret-generic", new double[] {0.85, 0.6}),
            Map.entry("secret-openai", new double[] {0.95, 0.95}),
            Map.entry("secret-slack", new double[] {0.95, 0.95}),
            Map.entry("secret-private-key", new double[] {0.95, 0.95}),
            Map.entry("secret-connection-password", new double[] {0.95, 0.95}),
            Map.entry("secret-gcp", new double[] {0.95, 0.75}),
            Map.entry("source-code", new double[] {0.9, 0.9}));

    @Test
    void detectorsMeetTheirFloors() throws IOException {
        SharedData data = SharedData.locate().orElse(null);
        Assumptions.assumeTrue(data != null, "../shared/data absent: set GATEWAY_SHARED_DATA or place shared/ beside the repository");
        Evaluation evaluation = new Evaluation(SensitivityClassifier.of(ClassifierConfig.ofDefaults()));
        int[] skipped = {0};
        evaluation.score(PresidioCases.load(data));
        evaluation.score(ChineseCases.load(data));
        evaluation.score(GitleaksCases.load(data, skipped));
        evaluation.score(DetectSecretsCases.load(data));
        evaluation.score(SourceCodeCases.load(data));

        String table = evaluation.markdown() + "\n(" + skipped[0] + " gitleaks examples skipped as fragments, regexes or bare prefixes)\n";
        System.out.println(table);
        Path out = Path.of(System.getProperty("basedir", "."), "target", "pii-evaluation.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, table);

        evaluation.byDetector().forEach((detector, tally) -> {
            double[] floor = FLOORS.get(detector);
            if (floor != null) {
                assertThat(tally.precision()).as(detector + " precision").isGreaterThanOrEqualTo(floor[0]);
                assertThat(tally.recall()).as(detector + " recall").isGreaterThanOrEqualTo(floor[1]);
            }
        });
    }
}
