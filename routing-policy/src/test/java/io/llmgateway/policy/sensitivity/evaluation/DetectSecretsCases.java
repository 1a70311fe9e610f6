package io.llmgateway.policy.sensitivity.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * detect-secrets' test files, scored line by line for "secret (any)": a line is positive when any
 * SECRET finding starts on it. The labels are ours (the files carry none): the lines a reviewer
 * would call a credential, including {@code # pragma: allowlist secret} lines (an allowlisted
 * password still leaves the building) and excluding values the files themselves call ids or hashes.
 */
final class DetectSecretsCases {

    static final String SOURCE = "detect-secrets (lines, our labels)";

    /** File to the 1-based lines holding a secret. */
    private static final Map<String, Set<Integer>> SECRET_LINES = Map.of(
            "config.env", Set.of(1),
            "config.ini", Set.of(2, 10, 26, 32),
            "config.md", Set.of(10),
            "config.yaml", Set.of(12, 13),
            "files__private_key", Set.of(1),
            "sample.diff", Set.of());

    /** A multi-line secret, scored as one text. */
    private static final String WHOLE_FILE = "files__private_key";

    private DetectSecretsCases() {
    }

    static List<LabelledCase> load(SharedData data) {
        List<LabelledCase> cases = new ArrayList<>();
        SECRET_LINES.forEach((file, secretLines) -> {
            if (file.equals(WHOLE_FILE)) {
                cases.add(LabelledCase.presence(new Row("secret (any)", SOURCE), data.read("pii/detect-secrets/" + file), true));
                return;
            }
            String[] lines = data.read("pii/detect-secrets/" + file).split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                if (!lines[i].isBlank() || secretLines.contains(i + 1)) {
                    cases.add(LabelledCase.presence(new Row("secret (any)", SOURCE), lines[i], secretLines.contains(i + 1)));
                }
            }
        });
        return cases;
    }
}
