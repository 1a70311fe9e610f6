package io.llmgateway.policy.route;

import io.llmgateway.policy.rule.Slo;
import io.llmgateway.policy.rule.Strategy;
import io.llmgateway.policy.live.LoadSample;
import java.util.List;

/** Orders the candidates that passed the hard constraints, and says why each has its place. */
final class Strategies {

    private Strategies() {
    }

    static void order(Strategy strategy, List<Scored> list, RequestFacts f, Slo slo) {
        for (int i = 0, n = list.size(); i < n; i++) {
            Scored s = list.get(i);
            switch (strategy) {
                case ORDERED -> {
                    s.key1 = 0;
                    s.key2 = s.position;
                    s.score = s.position;
                }
                case CHEAPEST -> cheapest(s, f, slo);
                case FASTEST -> {
                    double latency = latency(s, f);
                    s.key1 = Double.isNaN(latency) ? 0 : 1;
                    s.key2 = Double.isNaN(latency) ? 0 : latency;
                    s.score = latency;
                }
                case LEAST_LOADED -> {
                    s.score = load(s);
                    s.key1 = 0;
                    s.key2 = s.score;
                }
                case WEIGHTED -> {
                    int w = s.deployment.profile().weight();
                    double u = uniform(f.seed(), s.deployment.id());
                    s.key1 = w == 0 ? 1 : 0;
                    s.key2 = w == 0 ? 0 : -Math.log(u) / w;
                    s.score = s.key2;
                }
            }
        }
        if (list.size() > 1) {
            list.sort(Scored::compare);
        }
    }

    private static void cheapest(Scored s, RequestFacts f, Slo slo) {
        if (slo.ttft() != null && f.stream() && s.ttft > slo.ttft().toMillis()
                || slo.total() != null && s.total > slo.total().toMillis()) {
            s.meetsSlo = false;
            double latency = latency(s, f);
            s.key1 = 3;
            s.key2 = Double.isNaN(latency) ? Double.MAX_VALUE : latency;
        } else if (s.unmeasured) {
            s.key1 = 0;
            s.key2 = 0;
        } else if (Double.isNaN(s.cost)) {
            s.key1 = 2;
            s.key2 = 0;
        } else {
            s.key1 = 1;
            s.key2 = s.cost;
        }
        s.score = s.cost;
    }

    /** Expected latency that matters for the request: time to first token for streams, total otherwise. */
    static double latency(Scored s, RequestFacts f) {
        return f.stream() && !Double.isNaN(s.ttft) ? s.ttft : s.total;
    }

    /** (in flight + waiting) / max-concurrency + KV-cache usage; in flight is the larger of the gateway's and the engine's. */
    static double load(Scored s) {
        LoadSample scraped = s.live.scraped();
        double inFlight = s.live.inFlight();
        double waiting = 0;
        double kv = 0;
        if (scraped != null) {
            inFlight = Math.max(inFlight, scraped.running());
            waiting = scraped.waiting();
            kv = Double.isNaN(scraped.kvCacheUsage()) ? 0 : scraped.kvCacheUsage();
        }
        int max = s.live.maxConcurrency() > 0 ? s.live.maxConcurrency() : s.deployment.profile().maxConcurrency();
        return (inFlight + waiting) / Math.max(1, max) + kv;
    }

    /** A uniform number in (0, 1) from the request's seed and the deployment id (SplitMix64). */
    static double uniform(long seed, String id) {
        long z = seed + 0x9E3779B97F4A7C15L * (id.hashCode() + 1L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z = z ^ (z >>> 31);
        return ((z >>> 11) + 0.5) / (double) (1L << 53);
    }

    static String reason(Strategy strategy, Scored s, int rank, String source) {
        String place = "#" + rank + " ";
        String why = switch (strategy) {
            case ORDERED -> "in the order of " + source;
            case CHEAPEST -> !s.meetsSlo ? "misses the SLO (" + ms(s.ttft) + " ttft, " + ms(s.total) + " total expected)"
                    : s.unmeasured ? "cost not measured yet (no throughput): tried first so it gets measured"
                    : Double.isNaN(s.cost) ? "cost unknown (no price or GPU cost): after the priced ones"
                    : "cheapest: $" + fixed(s.cost, 6) + " expected";
            case FASTEST -> Double.isNaN(s.score) ? "latency not measured yet: tried first so it gets measured"
                    : "fastest: " + ms(s.score) + " expected";
            case LEAST_LOADED -> "load " + fixed(s.score, 2) + " (" + s.live.inFlight() + " in flight"
                    + (s.live.scraped() == null ? "" : ", engine " + (int) s.live.scraped().running() + " running "
                    + (int) s.live.scraped().waiting() + " waiting") + ")";
            case WEIGHTED -> "weight " + s.deployment.profile().weight() + ", drawn by weight";
        };
        return place + why + (s.halfOpen ? "; circuit half-open (trial)" : "");
    }

    /** {@code v} with {@code decimals} digits after the point, without String.format (hot path). */
    static String fixed(double v, int decimals) {
        if (Double.isNaN(v) || Double.isInfinite(v) || Math.abs(v) >= 1e12) {
            return Double.toString(v);
        }
        long scale = 1;
        for (int i = 0; i < decimals; i++) {
            scale *= 10;
        }
        long n = Math.round(Math.abs(v) * scale);
        String frac = Long.toString(n % scale);
        StringBuilder sb = new StringBuilder(24);
        if (v < 0 && n != 0) {
            sb.append('-');
        }
        sb.append(n / scale).append('.');
        for (int i = frac.length(); i < decimals; i++) {
            sb.append('0');
        }
        return sb.append(frac).toString();
    }

    private static String ms(double v) {
        return Double.isNaN(v) ? "?" : Math.round(v) + "ms";
    }
}
