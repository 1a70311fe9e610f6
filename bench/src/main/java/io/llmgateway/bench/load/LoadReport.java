package io.llmgateway.bench.load;

import io.llmgateway.bench.load.Measurements.Metric;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON report of one run (field names are the contract with {@link BenchSummary} and
 * {@code bench/run-benchmarks.sh}). Latencies in milliseconds, memory in MiB, CPU in milliseconds.
 */
final class LoadReport {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private LoadReport() {
    }

    static ObjectNode build(LoadOptions o, Measurements m, Timeline t, String loadBefore, ProcessSampler.Readings readings) {
        ObjectNode r = JSON.createObjectNode();
        r.put("label", o.label());
        r.put("url", o.url().toString());
        r.put("model", o.model());
        r.put("description", o.describe());
        r.put("mode", o.mode().name().toLowerCase(java.util.Locale.ROOT));
        r.put("stream", o.stream());
        r.put("rate", o.rate());
        r.put("concurrency", o.concurrency());
        r.put("started", Instant.now().minusNanos(System.nanoTime() - t.start()).toString());
        r.put("load_average_before", loadBefore);
        r.put("load_average_after", loadAverage());
        r.put("cpus", Runtime.getRuntime().availableProcessors());
        long lastOk = m.lastOkNanos.get();
        // a run cut short by --max-requests ends with its last answer, a timed one with its window
        long windowEnd = o.maxRequests() > 0 && lastOk > t.windowStart() && lastOk < t.windowEnd() ? lastOk : t.windowEnd();
        double window = (windowEnd - t.windowStart()) / 1e9;
        r.put("window_s", round(window));

        ObjectNode req = r.putObject("requests");
        long sent = m.sent.sum();
        long ok = m.ok.sum();
        long errors = m.errorCount();
        req.put("sent", sent);
        req.put("ok", ok);
        req.put("errors", errors);
        req.put("dropped", m.dropped.sum());
        req.put("unfinished", Math.max(0, sent - ok - errors));
        ObjectNode kinds = req.putObject("error_kinds");
        m.errorKinds().forEach(kinds::put);
        r.put("throughput_rps", round(m.okInWindow.sum() / window));
        r.put("output_tokens_per_s", round(m.tokensInWindow.sum() / window));
        r.put("max_in_flight", m.maxInFlight.get());

        ObjectNode lat = r.putObject("latency_ms");
        lat.set("e2e", latency(m.total(Metric.E2E)));
        lat.set("ttft", latency(m.total(Metric.TTFT)));
        lat.set("itl", latency(m.total(Metric.ITL)));
        lat.set("gateway_overhead", latency(m.total(Metric.OVERHEAD)));

        ObjectNode procs = r.putObject("processes");
        double windowMs = window * 1000;
        long completed = m.okInWindow.sum();
        readings.series().forEach((name, samples) -> procs.set(name, process(readings.pids().get(name),
                readings.atStart().get(name), readings.atEnd().get(name), samples, windowMs, completed, t)));
        return r;
    }

    private static ObjectNode latency(Histogram h) {
        ObjectNode n = JSON.createObjectNode();
        n.put("count", h.getTotalCount());
        if (h.getTotalCount() == 0) {
            return n;
        }
        n.put("mean", round(h.getMean() / 1000));
        n.put("p50", ms(h, 50));
        n.put("p90", ms(h, 90));
        n.put("p99", ms(h, 99));
        n.put("p99_9", ms(h, 99.9));
        n.put("max", round(h.getMaxValue() / 1000.0));
        return n;
    }

    private static double ms(Histogram h, double percentile) {
        return round(h.getValueAtPercentile(percentile) / 1000.0);
    }

    private static ObjectNode process(List<Long> pids, ProcessSampler.Sample start, ProcessSampler.Sample end,
                                      List<ProcessSampler.Sample> samples, double windowMs, long completed, Timeline t) {
        ObjectNode p = JSON.createObjectNode();
        ArrayNode ids = p.putArray("pids");
        pids.forEach(ids::add);
        double from = (t.windowStart() - t.start()) / 1e9;
        double to = (t.windowEnd() - t.start()) / 1e9;
        long max = 0;
        long mid = 0;
        for (ProcessSampler.Sample s : samples) {
            if (s.seconds() >= from && s.seconds() <= to + 1) {
                max = Math.max(max, s.rssKib());
                if (mid == 0 && s.seconds() >= (from + to) / 2) {
                    mid = s.rssKib();
                }
            }
        }
        long cpuMs = end.cpuMs() - start.cpuMs();
        p.put("rss_mb_start", mib(start.rssKib()));
        p.put("rss_mb_end", mib(end.rssKib()));
        p.put("rss_mb_max", mib(Math.max(max, end.rssKib())));
        p.put("rss_mb_growth_last_half", mib(end.rssKib() - (mid == 0 ? start.rssKib() : mid)));
        p.put("cpu_ms", cpuMs);
        p.put("cpu_cores_avg", round(cpuMs / windowMs));
        if (completed > 0) {
            p.put("cpu_ms_per_1k_requests", round(cpuMs * 1000.0 / completed));
        }
        ArrayNode s = p.putArray("series");
        for (ProcessSampler.Sample x : samples) {
            ArrayNode row = s.addArray();
            row.add(round(x.seconds())).add(mib(x.rssKib())).add(x.cpuMs()).add(x.inFlight());
        }
        return p;
    }

    static void write(ObjectNode report, Path json) throws IOException {
        if (json.toAbsolutePath().getParent() != null) {
            Files.createDirectories(json.toAbsolutePath().getParent());
        }
        Files.write(json, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(report));
        Path md = json.resolveSibling(json.getFileName().toString().replaceAll("\\.json$", ".md"));
        Files.writeString(md, ReportMarkdown.single(report));
    }

    static JsonNode read(Path json) {
        return JSON.readTree(json.toFile());
    }

    /** The 1, 5 and 15 minute load averages, as {@code uptime} shows them. */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            double l = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            return l < 0 ? "n/a" : String.format(java.util.Locale.ROOT, "%.2f", l);
        }
    }

    private static double mib(long kib) {
        return round(kib / 1024.0);
    }

    static double round(double v) {
        return Double.isFinite(v) ? Math.round(v * 1000) / 1000.0 : 0;
    }
}
