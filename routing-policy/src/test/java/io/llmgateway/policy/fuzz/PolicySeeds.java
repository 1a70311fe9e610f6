package io.llmgateway.policy.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Valid policies the mutations start from: the shipped examples (every section, rules included). */
final class PolicySeeds {

    private static final Path POLICIES = Path.of("../deploy/policies");

    static final List<String> ALL = List.of(read("private-cloud.yaml"), read("demo.yaml"));

    private PolicySeeds() {
    }

    private static String read(String name) {
        try {
            return Files.readString(POLICIES.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException("policy seed " + name + " (run from the routing-policy module)", e);
        }
    }
}
