package io.llmgateway.sim;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * Configuration of one simulated node. Immutable; build with {@link #builder()} or {@link #of}.
 *
 * @param id      node id, used in logs, metrics and thread names
 * @param host    bind address (default {@code 127.0.0.1})
 * @param port    TCP port; 0 picks an ephemeral port (kept across down/up)
 * @param profile performance profile
 * @param models  served model names; the first is the default. Names that look like embedding models
 *                ({@code bge}, {@code embed}, {@code e5}, {@code gte}) serve only {@code /v1/embeddings}
 * @param seed    seed for generated text, lengths, latencies and fault draws
 * @param faults  faults active from the start
 * @param apiKey  when non-null, {@code /v1/*} requires {@code Authorization: Bearer <apiKey>}
 * @param speed   time compression: 10 makes every modelled duration 10x shorter (faults stay in real time)
 */
public record SimNodeConfig(String id, String host, int port, GpuProfile profile, List<String> models,
                            long seed, FaultConfig faults, String apiKey, double speed) {

    public SimNodeConfig {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("node id must not be blank");
        }
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("node " + id + ": host must not be blank");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("node " + id + ": port must be within [0, 65535], was " + port);
        }
        Objects.requireNonNull(profile, () -> "node " + id + ": profile must not be null");
        models = List.copyOf(Objects.requireNonNull(models, () -> "node " + id + ": models must not be null"));
        if (models.isEmpty()) {
            throw new IllegalArgumentException("node " + id + ": serve at least one model");
        }
        for (String m : models) {
            if (m == null || m.isBlank()) {
                throw new IllegalArgumentException("node " + id + ": model names must not be blank, was " + models);
            }
        }
        if (new HashSet<>(models).size() != models.size()) {
            throw new IllegalArgumentException("node " + id + ": duplicate model name in " + models);
        }
        Objects.requireNonNull(faults, () -> "node " + id + ": faults must not be null (use FaultConfig.none())");
        if (apiKey != null && apiKey.isBlank()) {
            throw new IllegalArgumentException("node " + id + ": api key must be null or non-blank");
        }
        if (!(speed > 0) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("node " + id + ": speed must be a finite number > 0, was " + speed);
        }
    }

    /** A node on an ephemeral port with default settings. */
    public static SimNodeConfig of(String id, GpuProfile profile, String... models) {
        return builder().id(id).profile(profile).models(models).build();
    }

    /** A node on an ephemeral port using a built-in profile name or alias. */
    public static SimNodeConfig of(String id, String profileName, String... models) {
        return of(id, GpuProfile.named(profileName), models);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().id(id).host(host).port(port).profile(profile).models(models).seed(seed)
                .faults(faults).apiKey(apiKey).speed(speed);
    }

    /** True when requests must carry the configured API key. */
    public boolean requireApiKey() {
        return apiKey != null;
    }

    /** The model used when a request names none (the first served model). */
    public String defaultModel() {
        return models.get(0);
    }

    /** Mutable builder; {@link #build()} validates. */
    public static final class Builder {
        private String id;
        private String host = "127.0.0.1";
        private int port;
        private GpuProfile profile;
        private List<String> models = List.of();
        private long seed = 42;
        private FaultConfig faults = FaultConfig.none();
        private String apiKey;
        private double speed = 1.0;

        private Builder() {
        }

        public Builder id(String id) { this.id = id; return this; }

        public Builder host(String host) { this.host = host; return this; }

        public Builder port(int port) { this.port = port; return this; }

        public Builder profile(GpuProfile profile) { this.profile = profile; return this; }

        public Builder profile(String nameOrAlias) { this.profile = GpuProfile.named(nameOrAlias); return this; }

        public Builder models(List<String> models) { this.models = models; return this; }

        public Builder models(String... models) { this.models = List.of(models); return this; }

        public Builder seed(long seed) { this.seed = seed; return this; }

        public Builder faults(FaultConfig faults) { this.faults = faults; return this; }

        public Builder apiKey(String apiKey) { this.apiKey = apiKey; return this; }

        public Builder speed(double speed) { this.speed = speed; return this; }

        public SimNodeConfig build() {
            return new SimNodeConfig(id, host, port, profile, models, seed, faults, apiKey, speed);
        }
    }
}
