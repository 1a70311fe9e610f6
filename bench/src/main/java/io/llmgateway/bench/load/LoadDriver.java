package io.llmgateway.bench.load;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.HdrHistogram.Histogram;
import tools.jackson.databind.node.ObjectNode;

/**
 * Load driver for the gateway, nginx or the simulator on this machine: open loop at a fixed rate or closed
 * loop with N workers, chat streaming or not, request shapes drawn from a public trace. Reports throughput,
 * end-to-end latency, TTFT and inter-token latency (p50/p90/p99/p99.9), errors, the gateway's own overhead
 * ({@code x-gateway-overhead-ms}) and, for watched processes, RSS and CPU per 1k requests; writes JSON and a
 * Markdown table. Bounded in time (at most 1 h) and optionally in count; loopback targets only.
 *
 * <pre>java -cp bench/target/benchmarks.jar io.llmgateway.bench.load.LoadDriver --url http://127.0.0.1:8080/v1 \
 *     --key sk-bench-0001 --model bench --mode open --rate 200 --duration 30s --stream --out target/bench/x.json</pre>
 *
 * Exit status: 0 when at least one request succeeded, 1 when none did, 2 for a bad command line.
 */
public final class LoadDriver {

    private LoadDriver() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 0 || List.of(args).contains("--help") || List.of(args).contains("-h")) {
            System.out.println(LoadOptions.USAGE);
            return;
        }
        LoadOptions o;
        List<TraceSample> samples;
        try {
            o = LoadOptions.parse(args);
            samples = TraceSamples.draw(o.trace(), o.maxPromptTokens(), o.maxOutputTokens(), o.seed());
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println(LoadOptions.USAGE);
            System.exit(2);
            return;
        }
        Reports reports = runWithBaseline(o, samples);
        if (o.out() != null) {
            LoadReport.write(reports.main(), o.out());
        }
        System.out.print(ReportMarkdown.single(reports.main()));
        if (reports.baseline() != null) {
            if (o.baseline().out() != null) {
                LoadReport.write(reports.baseline(), o.baseline().out());
            }
            System.out.print(ReportMarkdown.single(reports.baseline()));
        }
        boolean ok = reports.main().path("requests").path("ok").asLong() > 0
                && (reports.baseline() == null || reports.baseline().path("requests").path("ok").asLong() > 0);
        System.exit(ok ? 0 : 1);
    }

    /** The report of a run and, for a paired run, of its baseline half (else null). */
    public record Reports(ObjectNode main, ObjectNode baseline) {
    }

    /** Runs the load described by {@code o} and returns the report (a paired run's main half). */
    public static ObjectNode run(LoadOptions o, List<TraceSample> samples) {
        return runWithBaseline(o, samples).main();
    }

    /** Runs the load described by {@code o}: one target, or with {@code --baseline-url} two, interleaved. */
    public static Reports runWithBaseline(LoadOptions o, List<TraceSample> samples) {
        RequestBodies bodies = RequestBodies.of(samples, o.model(), o.stream(), o.seed());
        LoadOptions ob = o.baseline() == null ? null : o.baselineRun();
        Measurements m = new Measurements();
        Measurements mb = ob == null ? null : new Measurements();
        Map<String, List<Long>> watched = new java.util.LinkedHashMap<>(o.watch());
        watched.put("driver", List.of(ProcessHandle.current().pid()));
        String loadBefore = LoadReport.loadAverage();
        System.err.println("load driver: " + o.label() + ": " + o.describe() + "; load average " + loadBefore);
        try (LoadClient client = new LoadClient(o, m);
             LoadClient baseline = ob == null ? null : new LoadClient(ob, mb);
             ProcessSampler sampler = new ProcessSampler(watched, o.clockTicks(), m)) {
            Timeline t = Timeline.of(o, System.nanoTime() + 50_000_000L);
            sampler.start(t.start(), o.sampleInterval());
            CompletableFuture<Map<String, ProcessSampler.Sample>> atStart = sampler.sampleAt(t.windowStart());
            CompletableFuture<Map<String, ProcessSampler.Sample>> atEnd = sampler.sampleAt(t.windowEnd());
            Thread progress = progress(m, t);
            if (o.mode() == LoadOptions.Mode.OPEN) {
                if (ob == null) {
                    OpenLoop.run(o, client, bodies, m, t);
                } else {
                    OpenLoop.paired(o, client, bodies, m, baseline, RequestBodies.of(samples, ob.model(), o.stream(), o.seed()), mb, t);
                    drain(mb, o);
                }
                drain(m, o);
            } else {
                try {
                    ClosedLoop.run(o, client, bodies, t);
                } catch (IllegalStateException e) {
                    System.err.println("load driver: in-flight requests did not finish within --drain");
                }
            }
            progress.interrupt();
            Map<String, ProcessSampler.Sample> end = atEnd.getNow(null);
            if (end == null) {
                end = sampler.sampleAll();
            }
            Map<String, ProcessSampler.Sample> start = atStart.getNow(end);
            ObjectNode main = LoadReport.build(o, m, t, loadBefore, sampler.readings(start, end));
            ObjectNode base = ob == null ? null : LoadReport.build(ob, mb, t, loadBefore,
                    new ProcessSampler.Readings(Map.of(), Map.of(), Map.of(), Map.of()));
            if (base != null) {
                base.put("paired_with", o.label());
                main.put("paired_with", ob.label());
            }
            return new Reports(main, base);
        }
    }

    /** Open loop: waits for the requests still in flight, at most {@code --drain}. */
    private static void drain(Measurements m, LoadOptions o) {
        long until = System.nanoTime() + o.drain().toNanos();
        while (m.inFlight.get() > 0 && System.nanoTime() < until) {
            Timeline.sleepUntil(System.nanoTime() + 20_000_000L);
        }
        if (m.inFlight.get() > 0) {
            System.err.println("load driver: " + m.inFlight.get() + " requests still in flight after --drain");
        }
    }

    /** Prints one line every 5 s to stderr: requests, errors, in flight, and the interval's latency. */
    private static Thread progress(Measurements m, Timeline t) {
        Thread th = new Thread(() -> {
            long lastOk = 0;
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    Thread.sleep(5000);
                } catch (InterruptedException e) {
                    return;
                }
                Histogram h = m.interval();
                long ok = m.ok.sum();
                System.err.printf(Locale.ROOT, "  %5.1fs  ok %d (+%d)  errors %d  in flight %d  e2e p50 %.2f ms p99 %.2f ms%s%n",
                        (System.nanoTime() - t.start()) / 1e9, ok, ok - lastOk, m.errorCount(), m.inFlight.get(),
                        h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(99) / 1000.0,
                        System.nanoTime() < t.windowStart() ? "  (warm-up)" : "");
                lastOk = ok;
            }
        }, "load-progress");
        th.setDaemon(true);
        th.start();
        return th;
    }
}
