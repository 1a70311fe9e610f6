package io.llmgateway.sim.internal.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class TextGenerationTest {

    @Test
    void sameSeedSameTokensAndNaturalLengthInRange() {
        for (long seed = 0; seed < 50; seed++) {
            GeneratedText a = TextGenerator.generate(seed, 10_000, List.of());
            assertThat(TextGenerator.generate(seed, 10_000, List.of())).isEqualTo(a);
            assertThat(a.tokens()).hasSizeBetween(TextGenerator.MIN_NATURAL, TextGenerator.MAX_NATURAL);
            assertThat(a.finishReason()).isEqualTo("stop");
            assertThat(a.text()).doesNotStartWith(" ").endsWith(".");
        }
    }

    @Test
    void maxTokensCutsAndIgnoreEosFills() {
        assertThat(TextGenerator.generate(1, 5, List.of()).tokens()).hasSize(5);
        assertThat(TextGenerator.generate(1, 5, List.of()).finishReason()).isEqualTo("length");
        GeneratedText full = TextGenerator.generate(1, 700, List.of(), 0, true);
        assertThat(full.tokens()).hasSize(700);
        assertThat(full.finishReason()).isEqualTo("length");
        assertThat(TextGenerator.generate(1, 700, List.of(), 300, false).tokens()).hasSizeGreaterThanOrEqualTo(300);
    }

    @Test
    void stopStringsEndTheTextWithoutBeingIncluded() {
        GeneratedText full = TextGenerator.generate(3, 100, List.of());
        String stop = full.text().substring(20, 23);
        GeneratedText cut = TextGenerator.generate(3, 100, List.of(stop));

        assertThat(cut.finishReason()).isEqualTo("stop");
        assertThat(cut.text()).isEqualTo(full.text().substring(0, full.text().indexOf(stop)));
        assertThat(cut.tokens()).allSatisfy(t -> assertThat(t).isNotEmpty());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "hello|1", "hello world|2", "internationalization|4", "a, b.|4", "12345|5", "你好|2", "''|0"})
    void tokenEstimates(String text, int tokens) {
        assertThat(TokenEstimator.count(text)).isEqualTo(tokens);
    }

    @Test
    void fragmentsRejoinToTheText() {
        String json = "{\"city\":\"San Francisco\",\"days\":3}";
        assertThat(String.join("", TextFragments.split(json))).isEqualTo(json);
        assertThat(TextFragments.split(json)).allSatisfy(f -> assertThat(f.length()).isBetween(1, 6));
    }

    @Test
    void jsonValuesFollowTheSchema() {
        JsonMapper mapper = JsonMapper.builder().build();
        JsonNode schema = mapper.readTree("""
                {"type":"object","properties":{"name":{"type":"string"},"n":{"type":"integer","minimum":5,"maximum":6},
                 "ok":{"type":"boolean"},"tags":{"type":"array","items":{"type":"string","enum":["x","y"]}},
                 "when":{"type":"string","format":"date"},"nested":{"type":"object","properties":{"v":{"type":"number"}}}}}""");
        JsonNode value = JsonValueGenerator.generate(schema, 9);

        assertThat(value.get("name").isString()).isTrue();
        assertThat(value.get("n").asInt()).isBetween(5, 6);
        assertThat(value.get("ok").isBoolean()).isTrue();
        assertThat(value.get("tags").valueStream().map(JsonNode::asString)).isNotEmpty().allMatch(t -> t.equals("x") || t.equals("y"));
        assertThat(value.get("when").asString()).matches("\\d{4}-\\d{2}-\\d{2}");
        assertThat(value.at("/nested/v").isNumber()).isTrue();
        assertThat(JsonValueGenerator.generate(schema, 9)).isEqualTo(value);
    }

    @Test
    void embeddingsAreUnitVectorsStableByInput() {
        float[] a = EmbeddingVectors.embed("bge-m3", Seeds.hash("hello"), 1024);
        double norm = 0;
        for (float f : a) {
            norm += f * f;
        }
        assertThat(Math.sqrt(norm)).isBetween(0.9999, 1.0001);
        assertThat(EmbeddingVectors.embed("bge-m3", Seeds.hash("hello"), 1024)).isEqualTo(a);
        assertThat(EmbeddingVectors.embed("bge-m3", Seeds.hash("hello!"), 1024)).isNotEqualTo(a);
    }
}
