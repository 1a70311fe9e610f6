package io.llmgateway.gateway.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes test policies to temporary files, as ops would write them. */
public final class PolicyFiles {

    private PolicyFiles() {
    }

    public static Path write(String yaml) {
        try {
            Path p = Files.createTempFile("policy-", ".yaml");
            Files.writeString(p, yaml);
            p.toFile().deleteOnExit();
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One private deployment per URL, aliases as given, and the standard test apps. */
    public static String deployment(String id, String url, String extra) {
        return """
                  - id: %s
                    pool: a10
                    zone: private
                    api: openai
                    url: %s
                    model: up-model
                %s""".formatted(id, url, extra == null ? "" : extra.indent(4));
    }

    public static final String APPS = """
            apps:
              - id: test-app
                key: sk-test-123456
              - id: limited-app
                key: sk-limited-123456
                models: [chat]
            """;
}
