package io.llmgateway.sim;

import io.llmgateway.sim.internal.profile.ProfileFileReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The profiles of one profile file. {@link #builtIn()} is {@code gpu-profiles.yaml} from the jar;
 * {@link #read(Path)} loads an external YAML or JSON file with the same format (docs/simulator.md).
 */
public final class GpuProfileFile {
    /** Classpath location of the built-in profiles. */
    public static final String BUILT_IN_RESOURCE = "io/llmgateway/sim/gpu-profiles.yaml";

    private static final class BuiltIn {
        static final GpuProfileFile INSTANCE = loadBuiltIn();
    }

    private final String source;
    private final List<GpuProfile> profiles;

    private GpuProfileFile(String source, List<GpuProfile> profiles) {
        this.source = source;
        this.profiles = List.copyOf(profiles);
        for (int i = 0; i < this.profiles.size(); i++) {
            for (int j = 0; j < i; j++) {
                GpuProfile a = this.profiles.get(i);
                GpuProfile b = this.profiles.get(j);
                if (b.answersTo(a.name()) || a.aliases().stream().anyMatch(b::answersTo)) {
                    throw new IllegalArgumentException(source + ": profiles[" + i + "] '" + a.name()
                            + "' reuses a name or alias of profiles[" + j + "] '" + b.name() + "'");
                }
            }
        }
    }

    public static GpuProfileFile builtIn() {
        return BuiltIn.INSTANCE;
    }

    /** Parses text in the profile file format; {@code source} names it in error messages (".json" selects JSON). */
    public static GpuProfileFile parse(String source, String text) {
        return new GpuProfileFile(source, ProfileFileReader.parse(source, text));
    }

    public static GpuProfileFile read(Path file) {
        try {
            return parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read profile file " + file, e);
        }
    }

    public List<GpuProfile> profiles() {
        return profiles;
    }

    /** The profile with this name or alias (case-insensitive); fails with the known names otherwise. */
    public GpuProfile get(String nameOrAlias) {
        return profiles.stream().filter(p -> p.answersTo(nameOrAlias)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown profile '" + nameOrAlias + "' in " + source
                        + "; known: " + profiles.stream().map(p -> p.name() + " " + p.aliases())
                        .collect(Collectors.joining(", "))));
    }

    private static GpuProfileFile loadBuiltIn() {
        try (InputStream in = GpuProfileFile.class.getClassLoader().getResourceAsStream(BUILT_IN_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("built-in profile file missing from classpath: " + BUILT_IN_RESOURCE);
            }
            return parse(BUILT_IN_RESOURCE, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
