package io.llmgateway.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.marcnuri.helm.LintResult;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code helm lint --strict} passes with the default values, the production values and the k8s example's values. */
class ChartLintTest {

    static Stream<Arguments> valueSets() {
        return Stream.of(Arguments.of("default", null), Arguments.of("production", Chart.PRODUCTION),
                Arguments.of("k8s example", Chart.K8S_EXAMPLE));
    }

    @ParameterizedTest(name = "{0} values")
    @MethodSource("valueSets")
    void lintsClean(String name, Path overlay) {
        LintResult result = Chart.lint(overlay);
        assertThat(result.isFailed()).as("helm lint --strict (%s): %s", name, result.getMessages()).isFalse();
        assertThat(result.getMessages()).noneMatch(m -> m.contains("[ERROR]") || m.contains("[WARNING]"));
    }
}
