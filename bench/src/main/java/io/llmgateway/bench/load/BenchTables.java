package io.llmgateway.bench.load;

import static io.llmgateway.bench.load.BenchSummary.FLAT_RSS_SHARE;
import static io.llmgateway.bench.load.BenchSummary.TARGETS;
import static io.llmgateway.bench.load.BenchSummary.f;

import java.util.List;
import tools.jackson.databind.JsonNode;

/** The side-by-side tables and the target verdicts of {@link BenchSummary}. */
final class BenchTables {

    private BenchTables() {
    }

    static String throughput(BenchSummary s) {
        JsonNode nginx = s.report("throughput", "nginx");
        JsonNode nginxStream = s.report("throughput-stream", "nginx");
        if (nginx == null && s.report("throughput", "gateway") == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder("### Maximum throughput (closed loop)\n\n")
                .append(describe(s.report("throughput", "gateway"))).append(describe(s.report("throughput-stream", "gateway")))
                .append("\n| target | req/s | % of nginx | e2e p50 ms | e2e p99 ms | stream req/s | % of nginx | stream output tok/s "
                        + "| proxy CPU ms / 1k req | proxy RSS MiB (max) |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (String t : TARGETS) {
            JsonNode r = s.report("throughput", t);
            JsonNode st = s.report("throughput-stream", t);
            if (r == null && st == null) {
                continue;
            }
            JsonNode proxy = proxy(r, t);
            sb.append("| ").append(t).append(" | ").append(num(r, "throughput_rps")).append(" | ").append(share(r, nginx))
                    .append(" | ").append(lat(r, "e2e", "p50")).append(" | ").append(lat(r, "e2e", "p99"))
                    .append(" | ").append(num(st, "throughput_rps")).append(" | ").append(share(st, nginxStream))
                    .append(" | ").append(num(st, "output_tokens_per_s"))
                    .append(" | ").append(proxy == null ? "-" : ReportMarkdown.num(proxy.path("cpu_ms_per_1k_requests")))
                    .append(" | ").append(proxy == null ? "-" : ReportMarkdown.num(proxy.path("rss_mb_max"))).append(" |\n");
        }
        return sb.append('\n').toString();
    }

    static String latency(BenchSummary s) {
        if (s.report("latency", "direct") == null && s.report("latency-stream", "direct") == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder("### Added latency at a fixed moderate rate (open loop)\n\n")
                .append(describe(s.report("latency", "gateway"))).append(describe(s.report("latency-stream", "gateway")))
                .append("\nAdded = this target minus direct, same request sequence. Overhead = the gateway's own "
                        + "`x-gateway-overhead-ms` (time to first byte minus the upstream's).\n\n"
                        + "| target | answers | req/s | e2e p50 | e2e p99 | added p50 | added p99 | TTFT p50 | TTFT p99 | added TTFT p50 "
                        + "| added TTFT p99 | overhead p50 / p99 | proxy CPU ms / 1k req | proxy RSS MiB (max) | errors |\n"
                        + "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (String scenario : new String[] {"latency", "latency-stream"}) {
            JsonNode direct = s.report(scenario, "direct");
            for (String t : TARGETS) {
                JsonNode r = s.report(scenario, t);
                if (r == null) {
                    continue;
                }
                boolean stream = scenario.endsWith("stream");
                JsonNode proxy = proxy(r, t);
                sb.append("| ").append(t).append(" | ").append(stream ? "stream" : "non-stream")
                        .append(" | ").append(num(r, "throughput_rps"))
                        .append(" | ").append(lat(r, "e2e", "p50")).append(" | ").append(lat(r, "e2e", "p99"))
                        .append(" | ").append(added(r, direct, "e2e", "p50")).append(" | ").append(added(r, direct, "e2e", "p99"))
                        .append(" | ").append(stream ? lat(r, "ttft", "p50") : "-").append(" | ").append(stream ? lat(r, "ttft", "p99") : "-")
                        .append(" | ").append(stream ? added(r, direct, "ttft", "p50") : "-")
                        .append(" | ").append(stream ? added(r, direct, "ttft", "p99") : "-")
                        .append(" | ").append(overhead(r))
                        .append(" | ").append(proxy == null ? "-" : ReportMarkdown.num(proxy.path("cpu_ms_per_1k_requests")))
                        .append(" | ").append(proxy == null ? "-" : ReportMarkdown.num(proxy.path("rss_mb_max")))
                        .append(" | ").append(errors(r)).append(" |\n");
            }
        }
        return sb.append('\n').toString();
    }

    /** Scenarios of the paired latency runs; the baseline half of target T is the report {@code <scenario>-direct-vs-T}. */
    static final String[] PAIRED = {"paired", "paired-stream"};
    static final List<String> PAIRED_TARGETS = List.of("nginx", "gateway");

    static String paired(BenchSummary s) {
        if (s.report("paired", "gateway") == null && s.report("paired-stream", "gateway") == null
                && s.report("paired", "nginx") == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder("### Added latency, interleaved with direct (open loop)\n\n")
                .append(describe(s.report("paired", "gateway"))).append(describe(s.report("paired-stream", "gateway")))
                .append("\nEach request of the trace goes to the target when due and, half an interval later, the same request "
                        + "straight to the simulator, each at the rate above, in one window: both halves see the machine at the same "
                        + "moments. Added = the target minus its interleaved direct half.\n\n"
                        + "| target | answers | req/s | e2e p50 | e2e p99 | direct e2e p50 | direct e2e p99 | added p50 | added p99 "
                        + "| added TTFT p50 | added TTFT p99 | overhead p50 / p99 | proxy CPU ms / 1k req | errors (target / direct) |\n"
                        + "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (String scenario : PAIRED) {
            boolean stream = scenario.endsWith("stream");
            for (String t : PAIRED_TARGETS) {
                JsonNode r = s.report(scenario, t);
                JsonNode d = s.report(scenario, "direct-vs-" + t);
                if (r == null || d == null) {
                    continue;
                }
                JsonNode proxy = proxy(r, t);
                sb.append("| ").append(t).append(" | ").append(stream ? "stream" : "non-stream")
                        .append(" | ").append(num(r, "throughput_rps"))
                        .append(" | ").append(lat(r, "e2e", "p50")).append(" | ").append(lat(r, "e2e", "p99"))
                        .append(" | ").append(lat(d, "e2e", "p50")).append(" | ").append(lat(d, "e2e", "p99"))
                        .append(" | ").append(added(r, d, "e2e", "p50")).append(" | ").append(added(r, d, "e2e", "p99"))
                        .append(" | ").append(stream ? added(r, d, "ttft", "p50") : "-")
                        .append(" | ").append(stream ? added(r, d, "ttft", "p99") : "-")
                        .append(" | ").append(overhead(r))
                        .append(" | ").append(proxy == null ? "-" : ReportMarkdown.num(proxy.path("cpu_ms_per_1k_requests")))
                        .append(" | ").append(errors(r)).append(" / ").append(errors(d)).append(" |\n");
            }
        }
        return sb.append('\n').toString();
    }

    static String streams(BenchSummary s) {
        if (s.report("streams", "gateway") == null && s.report("streams", "direct") == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder("### Concurrent open streams\n\n").append(describe(s.report("streams", "gateway")))
                .append("\n| target | streams open (max) | answers | errors | TTFT p50 ms | TTFT p99 ms | ITL p99 ms "
                        + "| proxy RSS MiB start -> end (max) | RSS growth, last half | proxy CPU cores |\n"
                        + "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (String t : TARGETS) {
            JsonNode r = s.report("streams", t);
            if (r == null) {
                continue;
            }
            JsonNode p = proxy(r, t);
            sb.append("| ").append(t).append(" | ").append(r.path("max_in_flight").asLong())
                    .append(" | ").append(r.path("requests").path("ok").asLong()).append(" | ").append(errors(r))
                    .append(" | ").append(lat(r, "ttft", "p50")).append(" | ").append(lat(r, "ttft", "p99"))
                    .append(" | ").append(lat(r, "itl", "p99"))
                    .append(" | ").append(p == null ? "-" : ReportMarkdown.num(p.path("rss_mb_start")) + " -> "
                            + ReportMarkdown.num(p.path("rss_mb_end")) + " (" + ReportMarkdown.num(p.path("rss_mb_max")) + ")")
                    .append(" | ").append(p == null ? "-" : ReportMarkdown.num(p.path("rss_mb_growth_last_half")))
                    .append(" | ").append(p == null ? "-" : ReportMarkdown.num(p.path("cpu_cores_avg"))).append(" |\n");
        }
        return sb.append('\n').toString();
    }

    static String targets(BenchSummary s) {
        StringBuilder sb = new StringBuilder("### Targets\n\n| target | measured | verdict |\n|---|---|---|\n");
        JsonNode gw = s.report("latency", "gateway");
        JsonNode direct = s.report("latency", "direct");
        JsonNode pg = s.report("paired", "gateway");
        JsonNode pd = s.report("paired", "direct-vs-gateway");
        JsonNode psg = s.report("paired-stream", "gateway");
        JsonNode psd = s.report("paired-stream", "direct-vs-gateway");
        if (pg != null && pd != null) {
            // judged on the interleaved runs: the same moments of the machine for the gateway and direct
            double added = p(pg, "e2e", "p99") - p(pd, "e2e", "p99");
            boolean met = added < 1.0 && errorsOf(pg) == 0 && errorsOf(pd) == 0;
            sb.append("| added latency at p99 under 1 ms at ").append(f(pg.path("rate").asDouble())).append(" req/s | interleaved with direct: ")
                    .append(f(added)).append(" ms non-streamed (e2e p99 ").append(f(p(pg, "e2e", "p99"))).append(" vs ")
                    .append(f(p(pd, "e2e", "p99"))).append(")");
            if (psg != null && psd != null) {
                double ttft = p(psg, "ttft", "p99") - p(psd, "ttft", "p99");
                met &= ttft < 1.0 && errorsOf(psg) == 0 && errorsOf(psd) == 0;
                sb.append(", TTFT ").append(f(ttft)).append(" ms streamed (p99 ").append(f(p(psg, "ttft", "p99"))).append(" vs ")
                        .append(f(p(psd, "ttft", "p99"))).append(")");
            }
            if (gw != null && direct != null) {
                sb.append("; separate runs: ").append(f(p(gw, "e2e", "p99") - p(direct, "e2e", "p99"))).append(" ms");
            }
            sb.append("; gateway's own overhead p99 ").append(ReportMarkdown.num(pg.path("latency_ms").path("gateway_overhead").path("p99")))
                    .append(" ms | ").append(verdict(met)).append(" |\n");
        } else if (gw != null && direct != null) {
            double added = p(gw, "e2e", "p99") - p(direct, "e2e", "p99");
            sb.append("| added latency at p99 under 1 ms at ").append(f(gw.path("rate").asDouble())).append(" req/s | ")
                    .append(f(added)).append(" ms (e2e p99 ").append(f(p(gw, "e2e", "p99"))).append(" vs ")
                    .append(f(p(direct, "e2e", "p99"))).append("; gateway's own overhead p99 ")
                    .append(ReportMarkdown.num(gw.path("latency_ms").path("gateway_overhead").path("p99"))).append(" ms) | ")
                    .append(verdict(added < 1.0 && errorsOf(gw) == 0)).append(" |\n");
        }
        for (String scenario : new String[] {"throughput", "throughput-stream"}) {
            JsonNode gt = s.report(scenario, "gateway");
            JsonNode nt = s.report(scenario, "nginx");
            if (gt != null && nt != null && nt.path("throughput_rps").asDouble() > 0) {
                double share = gt.path("throughput_rps").asDouble() / nt.path("throughput_rps").asDouble();
                sb.append("| throughput at least 50% of nginx's, ").append(scenario.endsWith("stream") ? "streamed" : "non-streamed")
                        .append(" | ").append(f(share * 100)).append("% (")
                        .append(f(gt.path("throughput_rps").asDouble())).append(" vs ").append(f(nt.path("throughput_rps").asDouble()))
                        .append(" req/s) | ").append(verdict(share >= 0.5)).append(" |\n");
            }
        }
        JsonNode st = s.report("streams", "gateway");
        if (st != null) {
            JsonNode p = st.path("processes").path("gateway");
            double growth = p.path("rss_mb_growth_last_half").asDouble();
            double end = p.path("rss_mb_end").asDouble();
            long open = st.path("max_in_flight").asLong();
            long wanted = st.path("concurrency").asLong();
            boolean flat = end > 0 && growth <= FLAT_RSS_SHARE * end;
            sb.append("| ").append(wanted).append(" concurrent streams with flat memory | ").append(open)
                    .append(" open at most, ").append(errorsOf(st)).append(" errors, gateway RSS ")
                    .append(ReportMarkdown.num(p.path("rss_mb_start"))).append(" -> ").append(ReportMarkdown.num(p.path("rss_mb_end")))
                    .append(" MiB, growth over the last half ").append(f(growth)).append(" MiB (flat: at most ")
                    .append(Math.round(FLAT_RSS_SHARE * 100)).append("% of RSS) | ")
                    .append(verdict(flat && open >= wanted && errorsOf(st) == 0)).append(" |\n");
        }
        return sb.append('\n').toString();
    }

    /** The watched process that is the proxy under test ("nginx", "gateway"); null for direct. */
    private static JsonNode proxy(JsonNode r, String target) {
        if (r == null) {
            return null;
        }
        JsonNode p = r.path("processes").path(target);
        return p.isMissingNode() ? null : p;
    }

    /** The gateway's own overhead p50 / p99 of a run, or "-" for a target that does not send the header. */
    private static String overhead(JsonNode r) {
        JsonNode o = r.path("latency_ms").path("gateway_overhead");
        return o.path("count").asLong() == 0 ? "-" : ReportMarkdown.num(o.path("p50")) + " / " + ReportMarkdown.num(o.path("p99"));
    }

    private static String describe(JsonNode r) {
        return r == null ? "" : "- " + r.path("description").asString() + "; load average before the gateway run "
                + r.path("load_average_before").asString() + "\n";
    }

    private static String num(JsonNode r, String field) {
        return r == null ? "-" : ReportMarkdown.num(r.path(field));
    }

    private static String lat(JsonNode r, String metric, String pct) {
        return r == null ? "-" : ReportMarkdown.num(r.path("latency_ms").path(metric).path(pct));
    }

    private static double p(JsonNode r, String metric, String pct) {
        return r.path("latency_ms").path(metric).path(pct).asDouble();
    }

    private static String added(JsonNode r, JsonNode direct, String metric, String pct) {
        if (direct == null || r == direct || r.path("label").asString().equals("direct")) {
            return "-";
        }
        return (p(r, metric, pct) - p(direct, metric, pct) >= 0 ? "+" : "") + f(p(r, metric, pct) - p(direct, metric, pct));
    }

    private static String share(JsonNode r, JsonNode nginx) {
        if (r == null || nginx == null || nginx.path("throughput_rps").asDouble() <= 0) {
            return "-";
        }
        return f(100 * r.path("throughput_rps").asDouble() / nginx.path("throughput_rps").asDouble()) + "%";
    }

    private static long errorsOf(JsonNode r) {
        JsonNode q = r.path("requests");
        return q.path("errors").asLong() + q.path("dropped").asLong() + q.path("unfinished").asLong();
    }

    private static String errors(JsonNode r) {
        return Long.toString(errorsOf(r));
    }

    private static String verdict(boolean met) {
        return met ? "met" : "**not met**";
    }
}
