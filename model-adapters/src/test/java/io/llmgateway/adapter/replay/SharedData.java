package io.llmgateway.adapter.replay;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Locates the recorded upstream traffic in {@code ../shared/data} (read in place, never copied):
 * {@code GATEWAY_SHARED_DATA} (set by the parent pom's surefire configuration), else
 * {@code ../shared/data} next to the repository root. Tests that need it are skipped, not failed,
 * when it is absent.
 */
final class SharedData {

    private SharedData() {
    }

    static Path fixtures(String sub) {
        Path root = root();
        Path dir = root == null ? null : root.resolve("fixtures").resolve(sub);
        assumeTrue(dir != null && Files.isDirectory(dir), "../shared/data absent: replay of recorded traffic skipped (" + sub + ")");
        return dir;
    }

    static List<Path> files(Path dir, String suffix) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path root() {
        String env = System.getenv("GATEWAY_SHARED_DATA");
        if (env != null && !env.isBlank() && Files.isDirectory(Path.of(env))) {
            return Path.of(env);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("model-adapters"))) {
                Path shared = dir.resolveSibling("shared").resolve("data");
                return Files.isDirectory(shared) ? shared : null;
            }
        }
        return null;
    }
}
