package io.llmgateway.sim;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Performance and cost parameters of one simulated serving node. {@link Kind#GPU} profiles carry
 * {@link Batching} (a continuous-batching scheduler like vLLM's); the {@link Kind#API} profile carries
 * {@link ApiBehaviour} (a closed model API: unbounded concurrency, sampled latency, rate limits).
 * Built-in profiles live in {@code gpu-profiles.yaml} inside the jar; see docs/simulator.md for the format.
 *
 * @param name        canonical name, e.g. {@code A100-80G}
 * @param aliases     other accepted names (case-insensitive), e.g. {@code a100}
 * @param kind        GPU node or closed API
 * @param maxModelLen context window (prompt + completion tokens) of the served models
 * @param batching    scheduler parameters; non-null exactly when {@code kind == GPU}
 * @param api         latency and rate-limit parameters; non-null exactly when {@code kind == API}
 * @param cost        what an hour of the node or a million tokens costs
 */
public record GpuProfile(String name, List<String> aliases, Kind kind, int maxModelLen,
                         Batching batching, ApiBehaviour api, Cost cost) {

    /** What kind of upstream the profile simulates. */
    public enum Kind { GPU, API }

    public GpuProfile {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("profile name must not be blank");
        }
        aliases = List.copyOf(Objects.requireNonNull(aliases, "aliases"));
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(cost, "cost");
        if (maxModelLen < 16) {
            throw new IllegalArgumentException(name + ": max_model_len must be >= 16, was " + maxModelLen);
        }
        if ((kind == Kind.GPU) != (batching != null)) {
            throw new IllegalArgumentException(name + ": a gpu profile needs 'batching' and only a gpu profile may have it");
        }
        if ((kind == Kind.API) != (api != null)) {
            throw new IllegalArgumentException(name + ": an api profile needs 'api' and only an api profile may have it");
        }
        if (batching != null && batching.kvCacheTokens() < maxModelLen) {
            throw new IllegalArgumentException(name + ": batching.kv_cache_tokens (" + batching.kvCacheTokens()
                    + ") must hold at least one full context of max_model_len (" + maxModelLen + ")");
        }
    }

    /** A built-in profile by name or alias, case-insensitive: {@code A100-80G}/{@code a100}, {@code A10-24G}/{@code a10}, {@code openai-api}. */
    public static GpuProfile named(String nameOrAlias) {
        return GpuProfileFile.builtIn().get(nameOrAlias);
    }

    /** A profile from an external YAML or JSON profile file. */
    public static GpuProfile load(Path file, String nameOrAlias) {
        return GpuProfileFile.read(file).get(nameOrAlias);
    }

    /** True when {@code candidate} is this profile's name or one of its aliases (case-insensitive). */
    public boolean answersTo(String candidate) {
        return name.equalsIgnoreCase(candidate) || aliases.stream().anyMatch(a -> a.equalsIgnoreCase(candidate));
    }

    /** A copy with other batching parameters (handy for tests that need a tiny KV cache). */
    public GpuProfile withBatching(Batching newBatching) {
        return new GpuProfile(name, aliases, kind, maxModelLen, newBatching, api, cost);
    }

    /** A copy with other closed-API parameters. */
    public GpuProfile withApi(ApiBehaviour newApi) {
        return new GpuProfile(name, aliases, kind, maxModelLen, batching, newApi, cost);
    }

    /**
     * Continuous-batching scheduler parameters. One step of the engine takes
     * {@code decodeBaseMs + decodePerSeqMs * runningSequences + prefillMsPer1kTokens * prefillTokens / 1000}.
     *
     * @param maxNumSeqs           most sequences decoded in one step (vLLM {@code --max-num-seqs})
     * @param maxNumBatchedTokens  token budget of one step, decode tokens first, then prefill chunks
     * @param kvCacheTokens        KV-cache capacity in tokens; a request waits until prompt + completion fits
     * @param prefillMsPer1kTokens prefill cost per 1000 prompt tokens in a step
     * @param decodeBaseMs         cost of a decode step with a batch of one (the TPOT floor)
     * @param decodePerSeqMs       extra step cost per running sequence
     */
    public record Batching(int maxNumSeqs, int maxNumBatchedTokens, long kvCacheTokens,
                           double prefillMsPer1kTokens, double decodeBaseMs, double decodePerSeqMs) {
        public Batching {
            positive("max_num_seqs", maxNumSeqs);
            positive("max_num_batched_tokens", maxNumBatchedTokens);
            positive("kv_cache_tokens", kvCacheTokens);
            nonNegative("prefill_ms_per_1k_tokens", prefillMsPer1kTokens);
            positive("decode_base_ms", decodeBaseMs);
            nonNegative("decode_per_seq_ms", decodePerSeqMs);
            if (maxNumBatchedTokens < maxNumSeqs) {
                throw new IllegalArgumentException("max_num_batched_tokens (" + maxNumBatchedTokens
                        + ") must be >= max_num_seqs (" + maxNumSeqs + ")");
            }
        }
    }

    /**
     * Closed-API behaviour. TTFT is lognormal with the given median and sigma (of the underlying normal);
     * each request's TPOT is uniform in [tpotMinMs, tpotMaxMs]. Rate limits are per node and in real time.
     *
     * @param ttftMedianMs      median time to first token
     * @param ttftSigma         lognormal shape; 0 makes TTFT constant
     * @param tpotMinMs         fastest time per output token
     * @param tpotMaxMs         slowest time per output token
     * @param requestsPerMinute RPM limit (0 = unlimited)
     * @param tokensPerMinute   TPM limit counting prompt + max_tokens (0 = unlimited)
     */
    public record ApiBehaviour(double ttftMedianMs, double ttftSigma, double tpotMinMs, double tpotMaxMs,
                               int requestsPerMinute, long tokensPerMinute) {
        public ApiBehaviour {
            positive("ttft_median_ms", ttftMedianMs);
            nonNegative("ttft_sigma", ttftSigma);
            positive("tpot_min_ms", tpotMinMs);
            if (tpotMaxMs < tpotMinMs) {
                throw new IllegalArgumentException("tpot_max_ms (" + tpotMaxMs + ") must be >= tpot_min_ms (" + tpotMinMs + ")");
            }
            nonNegative("requests_per_minute", requestsPerMinute);
            nonNegative("tokens_per_minute", tokensPerMinute);
        }
    }

    /**
     * Cost of running the node. GPU profiles price GPU-hours; the API profile prices tokens.
     *
     * @param gpu                        GPU model name, e.g. {@code A100-SXM4-80GB} (informational)
     * @param gpuCount                   GPUs in the node (tensor parallel size); 0 for an API
     * @param gpuHourUsd                 price of one GPU-hour in USD
     * @param inputUsdPerMillionTokens   API price per million prompt tokens (0 for GPU nodes)
     * @param outputUsdPerMillionTokens  API price per million completion tokens (0 for GPU nodes)
     */
    public record Cost(String gpu, int gpuCount, double gpuHourUsd,
                       double inputUsdPerMillionTokens, double outputUsdPerMillionTokens) {
        public Cost {
            Objects.requireNonNull(gpu, "gpu");
            nonNegative("gpu_count", gpuCount);
            nonNegative("gpu_hour_usd", gpuHourUsd);
            nonNegative("input_usd_per_million_tokens", inputUsdPerMillionTokens);
            nonNegative("output_usd_per_million_tokens", outputUsdPerMillionTokens);
        }

        /** Price of one hour of the whole node: {@code gpuCount * gpuHourUsd}. */
        public double nodeHourUsd() {
            return gpuCount * gpuHourUsd;
        }
    }

    private static void positive(String field, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(field + " must be a finite number > 0, was " + value);
        }
    }

    private static void nonNegative(String field, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(field + " must be a finite number >= 0, was " + value);
        }
    }
}
