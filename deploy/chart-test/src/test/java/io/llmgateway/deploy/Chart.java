package io.llmgateway.deploy;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.yaml.snakeyaml.Yaml;

/** The chart under deploy/helm, driven through helm-java (the Helm library inside the jar, no helm binary). */
final class Chart {

    static final Path REPO = Path.of("../..").toAbsolutePath().normalize();
    static final Path DIR = REPO.resolve("deploy/helm/llm-gateway");
    static final Path PRODUCTION = DIR.resolve("values-production.yaml");
    static final Path K8S_EXAMPLE = REPO.resolve("deploy/k8s/examples/gateway-values.yaml");

    private Chart() {
    }

    /** {@code helm template llm-gateway DIR -n llm [-f values] [--set k=v ...]}. */
    static Rendered template(Path values, Map<String, Object> sets) {
        TemplateCommand cmd = new Helm(DIR).template().withName("llm-gateway").withNamespace("llm");
        if (values != null) {
            cmd = cmd.withValuesFile(values);
        }
        for (Map.Entry<String, Object> e : sets.entrySet()) {
            cmd = cmd.set(e.getKey(), e.getValue());
        }
        return Rendered.parse(cmd.call());
    }

    static Rendered template(Path values) {
        return template(values, Map.of());
    }

    /** {@code helm lint --strict} of the chart with its values.yaml replaced by values.yaml merged with the overlay. */
    static LintResult lint(Path overlay) {
        if (overlay == null) {
            return new Helm(DIR).lint().strict().call();
        }
        Path copy = copyOfChart();
        Yaml yaml = new Yaml();
        Map<String, Object> merged = ValuesMerge.merge(read(yaml, DIR.resolve("values.yaml")), read(yaml, overlay));
        try {
            Files.writeString(copy.resolve("values.yaml"), yaml.dump(merged));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Helm(copy).lint().strict().call();
    }

    private static Map<String, Object> read(Yaml yaml, Path file) {
        try {
            return yaml.load(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path copyOfChart() {
        try {
            Path target = Files.createTempDirectory("chart-").resolve("llm-gateway");
            try (Stream<Path> files = Files.walk(DIR)) {
                for (Path p : (Iterable<Path>) files::iterator) {
                    Path to = target.resolve(DIR.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(to);
                    } else {
                        Files.copy(p, to);
                    }
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
