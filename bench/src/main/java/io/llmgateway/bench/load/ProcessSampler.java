package io.llmgateway.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Samples resident memory ({@code VmRSS} of {@code /proc/PID/status}) and CPU time (user + system of
 * {@code /proc/PID/stat}) of watched processes every interval, plus the driver's requests in flight. A name
 * may stand for several processes (nginx master and workers): their values are summed. Linux only.
 */
final class ProcessSampler implements AutoCloseable {

    /** One sample of one watched name: seconds since the start, RSS in KiB, CPU time in ms, requests in flight. */
    record Sample(double seconds, long rssKib, long cpuMs, long inFlight) {
    }

    /** What a run read: the pids per name, the samples at the window's edges, and the whole series. */
    record Readings(Map<String, List<Long>> pids, Map<String, Sample> atStart, Map<String, Sample> atEnd,
                    Map<String, List<Sample>> series) {
    }

    private final Map<String, List<Long>> pids;
    private final int clockTicks;
    private final Measurements m;
    private final Map<String, List<Sample>> series = new LinkedHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "load-process-sampler");
        t.setDaemon(true);
        return t;
    });
    private long origin;

    ProcessSampler(Map<String, List<Long>> pids, int clockTicks, Measurements m) {
        this.pids = pids;
        this.clockTicks = clockTicks;
        this.m = m;
        pids.keySet().forEach(name -> series.put(name, new ArrayList<>()));
    }

    /** Starts sampling; times in the series are relative to {@code originNanos}. */
    void start(long originNanos, java.time.Duration interval) {
        this.origin = originNanos;
        long ms = interval.toMillis();
        timer.scheduleAtFixedRate(this::sampleAll, 0, ms, TimeUnit.MILLISECONDS);
    }

    /** One sample of every watched name taken at {@code nanos} ({@link System#nanoTime()}), or now if that is past. */
    CompletableFuture<Map<String, Sample>> sampleAt(long nanos) {
        CompletableFuture<Map<String, Sample>> f = new CompletableFuture<>();
        timer.schedule(() -> f.complete(sampleAll()), Math.max(0, nanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        return f;
    }

    /** Takes one sample of every watched name now (e.g. at the window's edges) and returns them. */
    synchronized Map<String, Sample> sampleAll() {
        Map<String, Sample> now = new LinkedHashMap<>();
        double t = (System.nanoTime() - origin) / 1e9;
        pids.forEach((name, list) -> {
            long rss = 0;
            long cpu = 0;
            for (long pid : list) {
                rss += rssKib(pid);
                cpu += cpuMs(pid);
            }
            Sample s = new Sample(t, rss, cpu, m.inFlight.get());
            series.get(name).add(s);
            now.put(name, s);
        });
        return now;
    }

    /** The readings of a run whose window began with {@code atStart} and ended with {@code atEnd}. */
    synchronized Readings readings(Map<String, Sample> atStart, Map<String, Sample> atEnd) {
        Map<String, List<Sample>> copy = new LinkedHashMap<>();
        series.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        return new Readings(pids, atStart, atEnd, copy);
    }

    private static long rssKib(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.substring(6).replace("kB", "").trim());
                }
            }
        } catch (IOException | NumberFormatException e) {
            // the process is gone or not Linux: 0
        }
        return 0;
    }

    private long cpuMs(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // fields after "(comm)": state is [0], utime [11], stime [12] (fields 14 and 15 of proc(5))
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 1000 / clockTicks;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
