package io.llmgateway.policy.sensitivity.evaluation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Self-labelled cases for {@code source-code}, scored by presence per text. Code: the Java files of
 * this classifier and the MT-Bench prompts that quote code in a fence. Prose: the other MT-Bench
 * prompts (math, writing, extraction... many with formulas and inline code), Presidio's demo and
 * context sentences, and the paragraphs (outside fences) of the shared design docs.
 */
final class SourceCodeCases {

    private static final Row JAVA = new Row("source-code", "own Java sources (code)");
    private static final Row MT_BENCH = new Row("source-code", "MT-Bench prompts");
    private static final Row PROSE = new Row("source-code", "docs and Presidio prose");

    private SourceCodeCases() {
    }

    static List<LabelledCase> load(SharedData data) {
        List<LabelledCase> cases = new ArrayList<>();
        for (String file : javaSources()) {
            cases.add(LabelledCase.presence(JAVA, file, true));
        }
        for (String line : data.read("routing-quality/routellm/mt_bench_question.jsonl").split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            @SuppressWarnings("unchecked")
            List<String> turns = (List<String>) ((Map<String, Object>) MiniJson.parse(line)).get("turns");
            for (String turn : turns) {
                cases.add(LabelledCase.presence(MT_BENCH, turn, turn.contains("```")));
            }
        }
        for (String paragraph : paragraphs(data.read("pii/presidio/demo.txt"))) {
            cases.add(LabelledCase.presence(PROSE, paragraph, false));
        }
        for (String line : data.read("pii/presidio/context_sentences_tests.txt").split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                cases.add(LabelledCase.presence(PROSE, line, false));
            }
        }
        for (String doc : List.of("../docs/DESIGN.md", "../docs/STYLE.md")) {
            if (Files.exists(data.path(doc))) {
                for (String paragraph : paragraphs(withoutFences(data.read(doc)))) {
                    cases.add(LabelledCase.presence(PROSE, paragraph, false));
                }
            }
        }
        return cases;
    }

    private static List<String> javaSources() {
        Path dir = Path.of(System.getProperty("basedir", "."), "src/main/java/io/llmgateway/policy/sensitivity");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.toString().endsWith(".java")).sorted().map(SourceCodeCases::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> paragraphs(String text) {
        List<String> out = new ArrayList<>();
        for (String p : text.split("\n\\s*\n")) {
            if (p.strip().length() >= 40) {
                out.add(p.strip());
            }
        }
        return out;
    }

    private static String withoutFences(String markdown) {
        return markdown.replaceAll("(?s)```.*?```", "\n\n");
    }
}
