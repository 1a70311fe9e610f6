package io.llmgateway.gateway.observe;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Arrays;

/**
 * The histograms and their buckets. GenAI families use the bucket boundaries the OpenTelemetry
 * semantic conventions advise; the gateway's own use SLO-shaped buckets (fast enough / too slow).
 */
final class MeterBuckets {

    private static final Duration[] REQUEST = ms(100, 250, 500, 1000, 2500, 5000, 10000, 30000, 60000, 120000);
    private static final Duration[] OVERHEAD = ms(1, 2, 5, 10, 25, 50, 100, 250);
    private static final Duration[] GEN_AI_DURATION = seconds(0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12,
            10.24, 20.48, 40.96, 81.92);
    private static final Duration[] TTFT = seconds(0.001, 0.005, 0.01, 0.02, 0.04, 0.06, 0.08, 0.1, 0.25, 0.5, 0.75, 1.0,
            2.5, 5.0, 7.5, 10.0);
    private static final Duration[] TPOT = seconds(0.01, 0.025, 0.05, 0.075, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.75, 1.0, 2.5);
    private static final double[] TOKENS = {1, 4, 16, 64, 256, 1024, 4096, 16384, 65536, 262144, 1048576, 4194304};

    private MeterBuckets() {
    }

    static Timer requestDuration(MeterRegistry r, Tags tags) {
        return Timer.builder("gateway.request.duration").description("whole request as the client sees it")
                .tags(tags).serviceLevelObjectives(REQUEST).register(r);
    }

    static Timer overhead(MeterRegistry r, Tags tags) {
        return Timer.builder("gateway.overhead").description("time spent in the gateway itself before the first byte")
                .tags(tags).serviceLevelObjectives(OVERHEAD).register(r);
    }

    static Timer genAiDuration(MeterRegistry r, Tags tags) {
        return Timer.builder("gen_ai.server.request.duration").description("GenAI server request duration")
                .tags(tags).serviceLevelObjectives(GEN_AI_DURATION).register(r);
    }

    static Timer timeToFirstToken(MeterRegistry r, Tags tags) {
        return Timer.builder("gen_ai.server.time_to_first_token").description("time to the first streamed token")
                .tags(tags).serviceLevelObjectives(TTFT).register(r);
    }

    static Timer timePerOutputToken(MeterRegistry r, Tags tags) {
        return Timer.builder("gen_ai.server.time_per_output_token").description("time per output token after the first")
                .tags(tags).serviceLevelObjectives(TPOT).register(r);
    }

    static DistributionSummary tokens(MeterRegistry r, Tags tags) {
        return DistributionSummary.builder("gen_ai.client.token.usage").baseUnit("tokens")
                .description("tokens used per request, input and output").tags(tags).serviceLevelObjectives(TOKENS).register(r);
    }

    private static Duration[] ms(long... values) {
        return Arrays.stream(values).mapToObj(Duration::ofMillis).toArray(Duration[]::new);
    }

    private static Duration[] seconds(double... values) {
        return Arrays.stream(values).mapToObj(s -> Duration.ofNanos(Math.round(s * 1e9))).toArray(Duration[]::new);
    }
}
