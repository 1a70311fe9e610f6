package io.llmgateway.sim.internal.profile;

import io.llmgateway.sim.GpuProfile;
import io.llmgateway.sim.GpuProfile.ApiBehaviour;
import io.llmgateway.sim.GpuProfile.Batching;
import io.llmgateway.sim.GpuProfile.Cost;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Parses a profile file (YAML, or JSON when the name ends in .json) into validated {@link GpuProfile}s. */
public final class ProfileFileReader {
    private static final ObjectMapper YAML = YAMLMapper.builder().build();
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private ProfileFileReader() {
    }

    public static List<GpuProfile> parse(String source, String text) {
        JsonNode root;
        try {
            root = (source.toLowerCase(Locale.ROOT).endsWith(".json") ? JSON : YAML).readTree(text);
        } catch (JacksonException e) {
            throw new ProfileFileException(source + ": not valid YAML/JSON: " + e.getOriginalMessage());
        }
        ConfigObject top = new ConfigObject(source, "", root);
        top.requireOnly(Set.of("profiles"));
        List<GpuProfile> out = new ArrayList<>();
        for (ConfigObject p : top.objects("profiles")) {
            out.add(profile(p));
        }
        if (out.isEmpty()) {
            throw top.fail("'profiles' must list at least one profile");
        }
        return out;
    }

    private static GpuProfile profile(ConfigObject p) {
        p.requireOnly(Set.of("name", "aliases", "kind", "max_model_len", "batching", "api", "cost"));
        String kindText = p.string("kind");
        GpuProfile.Kind kind = switch (kindText.toLowerCase(Locale.ROOT)) {
            case "gpu" -> GpuProfile.Kind.GPU;
            case "api" -> GpuProfile.Kind.API;
            default -> throw p.fail("kind must be 'gpu' or 'api', was '" + kindText + "'");
        };
        Batching batching = p.has("batching") ? batching(p.object("batching")) : null;
        ApiBehaviour api = p.has("api") ? api(p.object("api")) : null;
        Cost cost = cost(p.object("cost"));
        return build(p, () -> new GpuProfile(p.string("name"), p.strings("aliases"), kind,
                p.smallInteger("max_model_len", 32768), batching, api, cost));
    }

    private static Batching batching(ConfigObject b) {
        b.requireOnly(Set.of("max_num_seqs", "max_num_batched_tokens", "kv_cache_tokens",
                "prefill_ms_per_1k_tokens", "decode_base_ms", "decode_per_seq_ms"));
        return build(b, () -> new Batching(b.smallInteger("max_num_seqs", 256),
                b.smallInteger("max_num_batched_tokens", 8192), b.integer("kv_cache_tokens"),
                b.number("prefill_ms_per_1k_tokens"), b.number("decode_base_ms"), b.number("decode_per_seq_ms")));
    }

    private static ApiBehaviour api(ConfigObject a) {
        a.requireOnly(Set.of("ttft_median_ms", "ttft_sigma", "tpot_min_ms", "tpot_max_ms",
                "requests_per_minute", "tokens_per_minute"));
        return build(a, () -> new ApiBehaviour(a.number("ttft_median_ms"), a.number("ttft_sigma", 0.4),
                a.number("tpot_min_ms"), a.number("tpot_max_ms"), a.smallInteger("requests_per_minute", 0),
                a.integer("tokens_per_minute", 0)));
    }

    private static Cost cost(ConfigObject c) {
        c.requireOnly(Set.of("gpu", "gpu_count", "gpu_hour_usd",
                "input_usd_per_million_tokens", "output_usd_per_million_tokens"));
        return build(c, () -> new Cost(c.string("gpu", "none"), c.smallInteger("gpu_count", 0),
                c.number("gpu_hour_usd", 0), c.number("input_usd_per_million_tokens", 0),
                c.number("output_usd_per_million_tokens", 0)));
    }

    /** Runs a record constructor and prefixes its validation message with the file and path. */
    private static <T> T build(ConfigObject at, Supplier<T> constructor) {
        try {
            return constructor.get();
        } catch (ProfileFileException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw at.fail(e.getMessage());
        }
    }
}
