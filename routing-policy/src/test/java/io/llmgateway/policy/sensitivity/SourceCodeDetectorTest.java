package io.llmgateway.policy.sensitivity;

import static io.llmgateway.policy.sensitivity.Detections.matches;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SourceCodeDetectorTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("java", "Why does this fail?\npublic final class Cache {\n    private final Map<String, Long> m = new HashMap<>();\n"
                        + "    long get(String k) {\n        return m.getOrDefault(k, 0L);\n    }\n}\nThanks!", true),
                Arguments.of("python", "import os\nimport sys\n\ndef main(argv):\n    path = os.path.join(argv[1], 'x')\n    return 0\n", true),
                Arguments.of("go", "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Println(\"hi\")\n}\n", true),
                Arguments.of("sql", "SELECT id, name\nFROM customers\nWHERE region = 'east';\nUPDATE t SET x = 1;\n", true),
                Arguments.of("javascript", "const add = (a, b) => a + b;\nlet total = 0;\nfor (const x of xs) {\n  total += add(x, 1);\n}\n", true),
                Arguments.of("tagged fence", "Here:\n```rust\nfn main() {\n    println!(\"hi\");\n}\n```\nok", true),
                Arguments.of("prose", "The quarterly report is attached. Please review the figures by Friday.\n"
                        + "We expect revenue to grow next year. Let me know if you have questions.\nThanks, Alice.", false),
                Arguments.of("chinese prose", "请帮我总结一下这份会议纪要。\n会议讨论了下季度的预算安排。\n请在周五之前回复。", false),
                Arguments.of("markdown list", "Plan:\n- gather the data\n- clean it (remove duplicates)\n- train the model\n- report results", false),
                Arguments.of("math", "Solve for x: 3x + 5 = 20.\nThen compute f(2) where f(x) = x^2 + 1.\nExplain each step.", false),
                Arguments.of("one line of code", "Use `x = foo(1)` to call it, then print the result.", false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void recognisesCodeByStructure(String name, String text, boolean code) {
        assertThat(matches("source-code", text)).as(name).hasSize(code ? 1 : 0);
    }

    @Test
    void thresholdIsTunable() {
        String text = "x = 1;\ny = 2;\nAnd some words here for you.\nz = 3;\n";
        SensitivityClassifier strict = SensitivityClassifier.of(ClassifierConfig.custom().sourceCodeMinLines(4).build());
        SensitivityClassifier loose = SensitivityClassifier.of(ClassifierConfig.custom().sourceCodeMinLines(3).sourceCodeThreshold(0.5).build());
        assertThat(matches(strict, "source-code", text)).isEmpty();
        assertThat(matches(loose, "source-code", text)).hasSize(1);
        assertThat(matches(loose, "source-code", text).get(0)).startsWith("x = 1;").endsWith("z = 3;");
    }
}
