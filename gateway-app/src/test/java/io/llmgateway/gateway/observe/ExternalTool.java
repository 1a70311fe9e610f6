package io.llmgateway.gateway.observe;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Tests that need a program from the machine (prometheus, chromium): skipped with a clear message
 * where it is missing, but failing in CI ({@code GATEWAY_CI=1}), where .ci/run installs it.
 */
public final class ExternalTool {

    private ExternalTool() {
    }

    /** The first candidate that exists and is executable. */
    public static Path require(String what, String... candidates) {
        for (String c : candidates) {
            Path p = Path.of(c);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        String why = what + " is not installed (looked for " + String.join(", ", candidates)
                + "); .ci/run installs it with apt-get";
        if ("1".equals(System.getenv("GATEWAY_CI"))) {
            Assertions.fail("CI must run this test: " + why);
        }
        Assumptions.abort(why);
        return null;
    }

    /** The repository root (tests run with the module directory as working directory). */
    public static Path repoRoot() {
        Path here = Path.of("").toAbsolutePath();
        for (Path p = here; p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("deploy")) && Files.exists(p.resolve("pom.xml")) && Files.isDirectory(p.resolve("gateway-app"))) {
                return p;
            }
        }
        throw new IllegalStateException("cannot find the repository root from " + here);
    }
}
