package io.llmgateway.policy.sensitivity.evaluation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Locates and reads {@code ../shared/data}: {@code GATEWAY_SHARED_DATA}, else beside the repository root. */
final class SharedData {

    private final Path root;

    private SharedData(Path root) {
        this.root = root;
    }

    static Optional<SharedData> locate() {
        String env = System.getenv("GATEWAY_SHARED_DATA");
        if (env != null && Files.isDirectory(Path.of(env, "pii"))) {
            return Optional.of(new SharedData(Path.of(env)));
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isDirectory(dir.resolve("routing-policy")) && Files.exists(dir.resolve("pom.xml"))) {
                Path data = dir.resolve("../shared/data").normalize();
                return Files.isDirectory(data.resolve("pii")) ? Optional.of(new SharedData(data)) : Optional.empty();
            }
            dir = dir.getParent();
        }
        return Optional.empty();
    }

    Path path(String relative) {
        return root.resolve(relative);
    }

    String read(String relative) {
        try {
            return Files.readString(root.resolve(relative), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> jsonArray(String relative) {
        return (List<Map<String, Object>>) MiniJson.parse(read(relative));
    }

    @Override
    public String toString() {
        return root.toString();
    }
}
