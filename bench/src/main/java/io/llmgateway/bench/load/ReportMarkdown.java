package io.llmgateway.bench.load;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Markdown tables of load reports: one row per run for latency/throughput, one per watched process. */
final class ReportMarkdown {

    static final String RUN_HEADER = """
            | run | load | ok | errors | req/s | output tok/s | e2e p50 | e2e p90 | e2e p99 | e2e p99.9 | TTFT p50 | TTFT p99 | ITL p50 | ITL p99 | gateway overhead p50 / p99 |
            |---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|
            """;

    static final String PROCESS_HEADER = """
            | run | process | CPU ms per 1k requests | CPU cores (avg) | RSS MiB start -> end (max) | RSS growth, last half |
            |---|---|---:|---:|---:|---:|
            """;

    private ReportMarkdown() {
    }

    /** The Markdown file written beside one run's JSON. */
    static String single(JsonNode r) {
        return "Load driver: " + r.path("description").asString() + "\n\n"
                + "Target " + r.path("url").asString() + ", model " + r.path("model").asString() + ", started "
                + r.path("started").asString() + ", load average before " + r.path("load_average_before").asString()
                + ", after " + r.path("load_average_after").asString() + ", " + r.path("cpus").asInt() + " CPUs. "
                + "Latencies in ms.\n\n"
                + RUN_HEADER + row(r) + "\n"
                + (r.path("processes").isEmpty() ? "" : PROCESS_HEADER + processRows(r) + "\n");
    }

    static String row(JsonNode r) {
        JsonNode req = r.path("requests");
        JsonNode lat = r.path("latency_ms");
        String load = r.path("mode").asString().equals("open")
                ? String.format(Locale.ROOT, "open %.0f/s", r.path("rate").asDouble())
                : "closed x" + r.path("concurrency").asInt();
        load += r.path("stream").asBoolean() ? ", stream" : "";
        return "| " + String.join(" | ", List.of(r.path("label").asString(), load,
                Long.toString(req.path("ok").asLong()), errors(req),
                num(r.path("throughput_rps")), num(r.path("output_tokens_per_s")),
                num(lat.path("e2e").path("p50")), num(lat.path("e2e").path("p90")), num(lat.path("e2e").path("p99")),
                num(lat.path("e2e").path("p99_9")), num(lat.path("ttft").path("p50")), num(lat.path("ttft").path("p99")),
                num(lat.path("itl").path("p50")), num(lat.path("itl").path("p99")),
                lat.path("gateway_overhead").path("count").asLong() == 0 ? "-"
                        : num(lat.path("gateway_overhead").path("p50")) + " / " + num(lat.path("gateway_overhead").path("p99"))))
                + " |\n";
    }

    static String processRows(JsonNode r) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, JsonNode> e : r.path("processes").properties()) {
            JsonNode p = e.getValue();
            sb.append("| ").append(r.path("label").asString()).append(" | ").append(e.getKey()).append(" | ")
                    .append(num(p.path("cpu_ms_per_1k_requests"))).append(" | ").append(num(p.path("cpu_cores_avg")))
                    .append(" | ").append(num(p.path("rss_mb_start"))).append(" -> ").append(num(p.path("rss_mb_end")))
                    .append(" (").append(num(p.path("rss_mb_max"))).append(") | ")
                    .append(num(p.path("rss_mb_growth_last_half"))).append(" |\n");
        }
        return sb.toString();
    }

    private static String errors(JsonNode req) {
        long errors = req.path("errors").asLong() + req.path("dropped").asLong() + req.path("unfinished").asLong();
        if (errors == 0) {
            return "0";
        }
        StringBuilder sb = new StringBuilder(Long.toString(errors)).append(" (");
        req.path("error_kinds").properties().forEach(e -> sb.append(e.getKey()).append(' ').append(e.getValue().asLong()).append(", "));
        if (req.path("dropped").asLong() > 0) {
            sb.append("dropped ").append(req.path("dropped").asLong()).append(", ");
        }
        if (req.path("unfinished").asLong() > 0) {
            sb.append("unfinished ").append(req.path("unfinished").asLong()).append(", ");
        }
        sb.setLength(sb.length() - 2);
        return sb.append(')').toString();
    }

    static String num(JsonNode n) {
        if (!n.isNumber()) {
            return "-"; // missing, null, or JMH's "NaN" error of a single iteration
        }
        double v = Math.abs(n.asDouble());
        String f = v >= 100 ? "%.0f" : v >= 10 ? "%.1f" : v >= 1 ? "%.2f" : "%.3f";
        return String.format(Locale.ROOT, f, n.asDouble());
    }
}
