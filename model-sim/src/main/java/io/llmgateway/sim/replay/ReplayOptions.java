package io.llmgateway.sim.replay;

import io.llmgateway.sim.GpuProfileFile;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Settings of a replay. Build with {@link #builder(Workload)}.
 *
 * @param workload       who sends the trace's requests
 * @param seed           seeds sensitive-request draws, {@code weighted} plans and API latencies
 * @param slo            objective for every request; null = the matched rule's {@code slo}, else {@link SloTarget#DEFAULT}
 * @param profiles       simulator profiles to resolve deployments with (default: the built-ins)
 * @param poolProfiles   pool id -> profile name, overriding the pool's {@code gpu} (and the API profile)
 * @param apiProfile     profile of external deployments whose pool is not in {@code poolProfiles}
 * @param apiRateLimits  whether the API profile's per-minute limits apply (per deployment)
 * @param scrapeInterval how often engine load is re-read for deployments with a {@code metrics-url}
 */
public record ReplayOptions(Workload workload, long seed, SloTarget slo, GpuProfileFile profiles,
                            Map<String, String> poolProfiles, String apiProfile, boolean apiRateLimits,
                            Duration scrapeInterval) {

    public ReplayOptions {
        Objects.requireNonNull(workload, "workload");
        Objects.requireNonNull(profiles, "profiles");
        poolProfiles = Map.copyOf(poolProfiles);
        Objects.requireNonNull(apiProfile, "apiProfile");
        if (scrapeInterval.isNegative() || scrapeInterval.isZero()) {
            throw new IllegalArgumentException("scrape interval must be > 0, was " + scrapeInterval);
        }
    }

    public static Builder builder(Workload workload) {
        return new Builder(workload);
    }

    /** Defaults: seed 42, SLO from the rules, built-in profiles, {@code openai-api}, rate limits on, scrape every 5 s (the gateway's default). */
    public static final class Builder {
        private final Workload workload;
        private long seed = 42;
        private SloTarget slo;
        private GpuProfileFile profiles = GpuProfileFile.builtIn();
        private Map<String, String> poolProfiles = Map.of();
        private String apiProfile = "openai-api";
        private boolean apiRateLimits = true;
        private Duration scrapeInterval = Duration.ofSeconds(5);

        private Builder(Workload workload) {
            this.workload = workload;
        }

        public Builder seed(long v) { this.seed = v; return this; }
        public Builder slo(SloTarget v) { this.slo = v; return this; }
        public Builder profiles(GpuProfileFile v) { this.profiles = v; return this; }
        public Builder poolProfiles(Map<String, String> v) { this.poolProfiles = v; return this; }
        public Builder apiProfile(String v) { this.apiProfile = v; return this; }
        public Builder apiRateLimits(boolean v) { this.apiRateLimits = v; return this; }
        public Builder scrapeInterval(Duration v) { this.scrapeInterval = v; return this; }

        public ReplayOptions build() {
            return new ReplayOptions(workload, seed, slo, profiles, poolProfiles, apiProfile, apiRateLimits, scrapeInterval);
        }
    }
}
