package io.llmgateway.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GpuProfileTest {

    @ParameterizedTest
    @CsvSource({"A100-80G,A100-80G", "a100,A100-80G", "A10-24G,A10-24G", "a10,A10-24G", "openai-api,openai-api", "OpenAI,openai-api"})
    void builtInProfilesAnswerToNamesAndAliases(String asked, String name) {
        assertThat(GpuProfile.named(asked).name()).isEqualTo(name);
    }

    @Test
    void builtInNumbersAreInTheDocumentedRanges() {
        GpuProfile a100 = GpuProfile.named("a100");
        GpuProfile a10 = GpuProfile.named("a10");
        GpuProfile api = GpuProfile.named("openai-api");

        assertThat(a100.batching().decodeBaseMs()).isBetween(15.0, 25.0);
        assertThat(a10.batching().decodeBaseMs()).isBetween(20.0, 30.0);
        assertThat(a100.cost().gpuHourUsd()).isBetween(2.0, 4.0);
        assertThat(a10.cost().gpuHourUsd()).isBetween(0.75, 1.5);
        assertThat(a100.cost().nodeHourUsd()).isEqualTo(a100.cost().gpuHourUsd() * a100.cost().gpuCount());
        assertThat(api.kind()).isEqualTo(GpuProfile.Kind.API);
        assertThat(api.api().ttftMedianMs()).isEqualTo(400);
        assertThat(api.cost().outputUsdPerMillionTokens()).isPositive();
    }

    @Test
    void unknownProfileNamesListTheKnownOnes() {
        assertThatThrownBy(() -> GpuProfile.named("h100"))
                .hasMessageContaining("unknown profile 'h100'").hasMessageContaining("A100-80G");
    }

    @Test
    void externalYamlAndJsonFilesLoad(@TempDir Path dir) throws IOException {
        Path yaml = Files.writeString(dir.resolve("mine.yaml"), """
                profiles:
                  - name: L4
                    aliases: [l4]
                    kind: gpu
                    max_model_len: 8192
                    batching: {max_num_seqs: 64, max_num_batched_tokens: 2048, kv_cache_tokens: 20000,
                               prefill_ms_per_1k_tokens: 300, decode_base_ms: 30, decode_per_seq_ms: 0.5}
                    cost: {gpu: L4, gpu_count: 1, gpu_hour_usd: 0.8}
                """);
        Path json = Files.writeString(dir.resolve("api.json"), """
                {"profiles":[{"name":"cloud","kind":"api","api":{"ttft_median_ms":300,"tpot_min_ms":10,"tpot_max_ms":20},
                 "cost":{"input_usd_per_million_tokens":1,"output_usd_per_million_tokens":2}}]}""");

        GpuProfile l4 = GpuProfile.load(yaml, "l4");
        assertThat(l4.batching().maxNumSeqs()).isEqualTo(64);
        assertThat(l4.maxModelLen()).isEqualTo(8192);
        GpuProfile cloud = GpuProfile.load(json, "cloud");
        assertThat(cloud.api().requestsPerMinute()).isZero();
        assertThat(cloud.api().ttftSigma()).isEqualTo(0.4);
        assertThat(cloud.maxModelLen()).isEqualTo(32768);
    }

    @Test
    void badFilesFailWithFilePathAndValue(@TempDir Path dir) throws IOException {
        assertThatThrownBy(() -> GpuProfileFile.read(Files.writeString(dir.resolve("typo.yaml"), """
                profiles:
                  - name: X
                    kind: gpu
                    batching: {kv_cache_tokens: 40000, prefill_ms_per_1k_tokens: 1, decode_base_ms: 1, decode_per_seq_ms: 1, decode_ms: 3}
                    cost: {}
                """)))
                .hasMessageContaining("typo.yaml: profiles[0].batching.decode_ms: unknown key");
        assertThatThrownBy(() -> GpuProfileFile.read(Files.writeString(dir.resolve("neg.yaml"), """
                profiles:
                  - name: X
                    kind: gpu
                    batching: {kv_cache_tokens: 40000, prefill_ms_per_1k_tokens: 1, decode_base_ms: -2, decode_per_seq_ms: 1}
                    cost: {}
                """)))
                .hasMessageContaining("neg.yaml: profiles[0].batching: decode_base_ms must be a finite number > 0, was -2.0");
        assertThatThrownBy(() -> GpuProfileFile.read(Files.writeString(dir.resolve("missing.yaml"), """
                profiles:
                  - name: X
                    kind: api
                    cost: {}
                """)))
                .hasMessageContaining("missing.yaml: profiles[0]: X: an api profile needs 'api'");
        assertThatThrownBy(() -> GpuProfileFile.read(Files.writeString(dir.resolve("str.yaml"), """
                profiles:
                  - name: X
                    kind: gpu
                    batching: {kv_cache_tokens: many, prefill_ms_per_1k_tokens: 1, decode_base_ms: 1, decode_per_seq_ms: 1}
                    cost: {}
                """)))
                .hasMessageContaining("str.yaml: profiles[0].batching.kv_cache_tokens: must be an integer, was \"many\"");
        assertThatThrownBy(() -> GpuProfileFile.parse("dup.yaml", """
                profiles:
                  - {name: A, kind: api, api: {ttft_median_ms: 1, tpot_min_ms: 1, tpot_max_ms: 1}, cost: {}}
                  - {name: B, aliases: [a], kind: api, api: {ttft_median_ms: 1, tpot_min_ms: 1, tpot_max_ms: 1}, cost: {}}
                """)).hasMessageContaining("reuses a name or alias");
    }
}
