package io.llmgateway.bench.load;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Settings of one load run, parsed from the command line. Every bad value fails with the option and the
 * value; nothing is clamped. The target must be a loopback address: the driver is a benchmark tool for
 * this machine, not a load generator for other hosts.
 *
 * @param url             API base of the target, e.g. {@code http://127.0.0.1:8080/v1}
 * @param key             bearer key, or null
 * @param model           model (alias) put in every request
 * @param mode            open loop (fixed arrival rate) or closed loop (N concurrent workers)
 * @param rate            open loop: requests per second
 * @param poisson         open loop: exponential inter-arrival times instead of a constant interval
 * @param concurrency     closed loop: concurrent workers (streams)
 * @param ramp            closed loop: workers start evenly spread over this time
 * @param warmup          load before measurement starts (not recorded)
 * @param duration        measured time after the warm-up
 * @param maxRequests     stop issuing after this many measured requests (0 = bounded by time only)
 * @param stream          chat streaming ({@code stream: true}, usage requested)
 * @param trace           trace name: see {@link TraceSamples}
 * @param maxPromptTokens cap on a sample's prompt tokens
 * @param maxOutputTokens cap on a sample's output tokens
 * @param seed            seed of the sample order
 * @param timeout         per-request limit
 * @param drain           after the run, how long in-flight requests may still finish
 * @param connections     connection pool size
 * @param maxOutstanding  open loop: requests in flight beyond this are counted as dropped, not sent
 * @param label           row name in the report
 * @param out             JSON report path (the Markdown table goes beside it), or null
 * @param watch           processes to sample (name -> pids, summed): RSS and CPU time
 * @param sampleInterval  how often watched processes are sampled
 * @param clockTicks      {@code getconf CLK_TCK}, the unit of CPU times in /proc
 * @param baseline        open loop: a second target the same requests are interleaved with, or null
 */
public record LoadOptions(URI url, String key, String model, Mode mode, double rate, boolean poisson,
                          int concurrency, Duration ramp, Duration warmup, Duration duration, long maxRequests,
                          boolean stream, String trace, int maxPromptTokens, int maxOutputTokens, long seed,
                          Duration timeout, Duration drain, int connections, int maxOutstanding, String label,
                          Path out, Map<String, List<Long>> watch, Duration sampleInterval, int clockTicks,
                          Baseline baseline) {

    /** How requests are issued. */
    public enum Mode { OPEN, CLOSED }

    /**
     * The target a paired run interleaves with the main one (open loop): the n-th request of the trace goes to
     * the main target when due and to the baseline half an interval later, so both see the same machine at
     * the same time and their percentiles differ by what the main target adds, not by drift between two runs.
     */
    public record Baseline(URI url, String key, String model, String label, Path out) {
    }

    /** The baseline half of a paired run as a run of its own: its target, model, label and report; no watched processes. */
    public LoadOptions baselineRun() {
        if (baseline == null) {
            throw new IllegalStateException("no baseline");
        }
        return new LoadOptions(baseline.url(), baseline.key(), baseline.model(), mode, rate, poisson, concurrency, ramp,
                warmup, duration, maxRequests, stream, trace, maxPromptTokens, maxOutputTokens, seed, timeout, drain,
                connections, maxOutstanding, baseline.label(), baseline.out(), Map.of(), sampleInterval, clockTicks, null);
    }

    static final Duration MAX_RUN = Duration.ofHours(1);

    public static final String USAGE = """
            usage: java -cp bench/target/benchmarks.jar io.llmgateway.bench.load.LoadDriver --url URL --model M [options]
              --url URL               API base on a loopback address, e.g. http://127.0.0.1:8080/v1 (required)
              --key KEY               bearer key
              --model M               model or alias (required)
              --mode open|closed      open: fixed arrival rate; closed: N concurrent workers (default closed)
              --rate R                open loop: requests per second (required for open)
              --arrival constant|poisson  open loop inter-arrival times (default constant)
              --concurrency N         closed loop: concurrent workers/streams (default 64)
              --ramp D                closed loop: spread the workers' start over D (default 0s)
              --warmup D              unrecorded load before the measurement (default 0s)
              --duration D            measured time (default 30s; at most 1h)
              --max-requests N        also stop after N measured requests (default: no count limit)
              --stream                chat streaming: measures TTFT and inter-token latency
              --trace T               azure-conv | azure-code | mooncake-conv | mooncake-synthetic | fixed:P:O (default azure-conv)
              --max-prompt-tokens N   cap on prompt tokens per request (default 1024)
              --max-output-tokens N   cap on output tokens per request (default 128)
              --seed N                sample order (default 42)
              --timeout D             per request (default 120s)
              --drain D               wait this long for in-flight requests at the end (default 30s)
              --connections N         connection pool size (default max(concurrency, 4096))
              --max-outstanding N     open loop: in-flight cap; arrivals over it count as dropped (default 20000)
              --label TEXT            row name in the report (default host:port)
              --out FILE.json         write the JSON report there and the Markdown table to FILE.md
              --watch NAME=PID[,PID]  sample RSS and CPU time of a process, or the sum of several (repeatable)
              --sample-interval D     sampling period of watched processes (default 1s)
              --clk-tck N             unit of /proc CPU times, `getconf CLK_TCK` (default 100)
              --baseline-url URL      open loop: interleave every request with the same one to this target (e.g. the
                                      simulator directly), half an interval later; it gets its own report
              --baseline-model M      model for the baseline (default --model)
              --baseline-key KEY      bearer key for the baseline (default none)
              --baseline-label TEXT   its row name (default baseline)
              --baseline-out FILE.json  its JSON report (and Markdown table beside it)
            durations: 500ms, 30s, 2m, 1h""";

    /** Parses the command line; throws {@link IllegalArgumentException} naming the bad option and value. */
    public static LoadOptions parse(String[] args) {
        Map<String, String> o = new LinkedHashMap<>();
        Map<String, List<Long>> watch = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--stream")) {
                o.put("stream", "true");
                continue;
            }
            if (!a.startsWith("--") || !KNOWN.contains(a.substring(2))) {
                throw new IllegalArgumentException("unknown option '" + a + "'");
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(a + " needs a value");
            }
            String v = args[++i];
            if (a.equals("--watch")) {
                int eq = v.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("--watch must be NAME=PID[,PID...], got '" + v + "'");
                }
                List<Long> pids = new java.util.ArrayList<>();
                for (String pid : v.substring(eq + 1).split(",")) {
                    pids.add(positiveLong("--watch", pid));
                }
                watch.put(v.substring(0, eq), List.copyOf(pids));
            } else {
                o.put(a.substring(2), v);
            }
        }
        URI url = loopbackUrl("--url", required(o, "url"));
        Mode mode = switch (o.getOrDefault("mode", "closed")) {
            case "open" -> Mode.OPEN;
            case "closed" -> Mode.CLOSED;
            default -> throw new IllegalArgumentException("--mode must be open or closed, got '" + o.get("mode") + "'");
        };
        double rate = 0;
        if (mode == Mode.OPEN) {
            rate = positiveDouble("--rate", required(o, "rate"));
        } else if (o.containsKey("rate")) {
            throw new IllegalArgumentException("--rate applies to --mode open only");
        }
        String arrival = o.getOrDefault("arrival", "constant");
        if (!arrival.equals("constant") && !arrival.equals("poisson")) {
            throw new IllegalArgumentException("--arrival must be constant or poisson, got '" + arrival + "'");
        }
        int concurrency = (int) positiveLong("--concurrency", o.getOrDefault("concurrency", "64"));
        Duration duration = duration("--duration", o.getOrDefault("duration", "30s"));
        Duration warmup = duration("--warmup", o.getOrDefault("warmup", "0s"));
        if (duration.isZero() || duration.plus(warmup).compareTo(MAX_RUN) > 0) {
            throw new IllegalArgumentException("--duration plus --warmup must be within (0, 1h], got "
                    + o.get("duration") + " + " + o.getOrDefault("warmup", "0s"));
        }
        long maxRequests = o.containsKey("max-requests") ? positiveLong("--max-requests", o.get("max-requests")) : 0;
        String trace = o.getOrDefault("trace", "azure-conv");
        int connections = (int) positiveLong("--connections", o.getOrDefault("connections", Integer.toString(Math.max(concurrency, 4096))));
        if (mode == Mode.CLOSED && connections < concurrency) {
            throw new IllegalArgumentException("--connections (" + connections + ") must be >= --concurrency (" + concurrency + ")");
        }
        String label = o.getOrDefault("label", url.getHost() + ":" + url.getPort());
        Path out = o.containsKey("out") ? Path.of(o.get("out")) : null;
        if (out != null && !out.getFileName().toString().endsWith(".json")) {
            throw new IllegalArgumentException("--out must name a .json file, got '" + out + "'");
        }
        Baseline baseline = null;
        if (o.containsKey("baseline-url")) {
            if (mode != Mode.OPEN) {
                throw new IllegalArgumentException("--baseline-url applies to --mode open only");
            }
            Path bout = o.containsKey("baseline-out") ? Path.of(o.get("baseline-out")) : null;
            if (bout != null && !bout.getFileName().toString().endsWith(".json")) {
                throw new IllegalArgumentException("--baseline-out must name a .json file, got '" + bout + "'");
            }
            baseline = new Baseline(loopbackUrl("--baseline-url", o.get("baseline-url")), o.get("baseline-key"),
                    o.getOrDefault("baseline-model", required(o, "model")), o.getOrDefault("baseline-label", "baseline"), bout);
        } else if (o.keySet().stream().anyMatch(k -> k.startsWith("baseline-"))) {
            throw new IllegalArgumentException("--baseline-model, -key, -label and -out need --baseline-url");
        }
        return new LoadOptions(url, o.get("key"), required(o, "model"), mode, rate, arrival.equals("poisson"),
                concurrency, duration("--ramp", o.getOrDefault("ramp", "0s")), warmup, duration, maxRequests,
                o.containsKey("stream"), trace, (int) positiveLong("--max-prompt-tokens", o.getOrDefault("max-prompt-tokens", "1024")),
                (int) positiveLong("--max-output-tokens", o.getOrDefault("max-output-tokens", "128")),
                Long.parseLong(o.getOrDefault("seed", "42")), nonZero("--timeout", o.getOrDefault("timeout", "120s")),
                duration("--drain", o.getOrDefault("drain", "30s")), connections,
                (int) positiveLong("--max-outstanding", o.getOrDefault("max-outstanding", "20000")), label, out,
                Map.copyOf(watch), nonZero("--sample-interval", o.getOrDefault("sample-interval", "1s")),
                (int) positiveLong("--clk-tck", o.getOrDefault("clk-tck", "100")), baseline);
    }

    private static final List<String> KNOWN = List.of("url", "key", "model", "mode", "rate", "arrival", "concurrency",
            "ramp", "warmup", "duration", "max-requests", "trace", "max-prompt-tokens", "max-output-tokens", "seed",
            "timeout", "drain", "connections", "max-outstanding", "label", "out", "watch", "sample-interval", "clk-tck",
            "baseline-url", "baseline-model", "baseline-key", "baseline-label", "baseline-out");

    /** The chat completions endpoint under the base URL. */
    public URI chatUri() {
        String base = url.toString();
        return URI.create(base.endsWith("/") ? base + "chat/completions" : base + "/chat/completions");
    }

    /** A one-line description for the report. */
    public String describe() {
        String load = mode == Mode.OPEN
                ? String.format(Locale.ROOT, "open %.0f req/s %s", rate, poisson ? "poisson" : "constant")
                : "closed " + concurrency + " workers" + (ramp.isZero() ? "" : " ramp " + ramp.toSeconds() + "s");
        return load + ", " + (stream ? "stream" : "non-stream") + ", trace " + trace + " (prompt<=" + maxPromptTokens
                + ", output<=" + maxOutputTokens + "), warmup " + human(warmup) + ", duration " + human(duration)
                + (maxRequests > 0 ? ", max " + maxRequests + " requests" : "");
    }

    static String human(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }

    static Duration duration(String option, String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (t.endsWith("ms")) {
                return nonNegative(option, text, Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2))));
            }
            long n = Long.parseLong(t.substring(0, t.length() - 1));
            Duration d = switch (t.charAt(t.length() - 1)) {
                case 's' -> Duration.ofSeconds(n);
                case 'm' -> Duration.ofMinutes(n);
                case 'h' -> Duration.ofHours(n);
                default -> throw new NumberFormatException();
            };
            return nonNegative(option, text, d);
        } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
            throw new IllegalArgumentException(option + " must be a duration like 500ms, 30s, 2m or 1h, got '" + text + "'");
        }
    }

    private static Duration nonNegative(String option, String text, Duration d) {
        if (d.isNegative()) {
            throw new IllegalArgumentException(option + " must not be negative, got '" + text + "'");
        }
        return d;
    }

    private static Duration nonZero(String option, String text) {
        Duration d = duration(option, text);
        if (d.isZero()) {
            throw new IllegalArgumentException(option + " must be positive, got '" + text + "'");
        }
        return d;
    }

    private static String required(Map<String, String> o, String name) {
        String v = o.get(name);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return v;
    }

    private static long positiveLong(String option, String text) {
        try {
            long v = Long.parseLong(text.trim());
            if (v > 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw new IllegalArgumentException(option + " must be a positive integer, got '" + text + "'");
    }

    private static double positiveDouble(String option, String text) {
        try {
            double v = Double.parseDouble(text.trim());
            if (v > 0 && Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw new IllegalArgumentException(option + " must be a positive number, got '" + text + "'");
    }

    private static URI loopbackUrl(String option, String text) {
        URI u;
        try {
            u = URI.create(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + " is not a URL: '" + text + "'");
        }
        if (!"http".equals(u.getScheme()) || u.getHost() == null || u.getPort() <= 0) {
            throw new IllegalArgumentException(option + " must be http://HOST:PORT/..., got '" + text + "'");
        }
        try {
            if (!InetAddress.getByName(u.getHost()).isLoopbackAddress()) {
                throw new IllegalArgumentException(option + " must be a loopback address (127.0.0.1, ::1, localhost), got '" + u.getHost() + "'");
            }
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(option + " host cannot be resolved: '" + u.getHost() + "'");
        }
        return u;
    }
}
