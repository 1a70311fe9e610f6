package io.llmgateway.adapter.golden;

import io.llmgateway.adapter.schema.WireJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * Reads golden files from {@code src/test/resources/golden} (via the test classpath) and, only when
 * run with {@code -Dgolden.update=true}, writes actual outputs back into the source tree so a changed
 * translation can be reviewed as a diff. Without that flag a mismatch fails the test.
 */
final class GoldenFiles {

    static final boolean UPDATE = Boolean.getBoolean("golden.update");

    private GoldenFiles() {
    }

    static Path root(String adapter) {
        URL url = GoldenFiles.class.getResource("/golden/" + adapter);
        if (url == null) {
            throw new IllegalStateException("no golden files for adapter '" + adapter + "'");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The case directories under {@code golden/<adapter>/<kind>}, sorted by name. */
    static List<Path> cases(String adapter, String kind) {
        Path dir = root(adapter).resolve(kind);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode json(Path file) {
        return WireJson.MAPPER.readTree(text(file));
    }

    static String pretty(JsonNode node) {
        return node.toPrettyString();
    }

    /** In update mode, writes {@code content} to the source copy of {@code file} (the one under src/test/resources). */
    static void update(Path file, String content) {
        String s = file.toString().replace("/target/test-classes/golden/", "/src/test/resources/golden/");
        try {
            Files.writeString(Path.of(s), content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
