package io.llmgateway.gateway.cli;

import io.llmgateway.policy.yaml.DurationText;
import io.llmgateway.sim.replay.SloTarget;
import io.llmgateway.sim.replay.Workload;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parsed command line of {@code policy simulate}. Every value is checked here; a bad one is a
 * {@link IllegalArgumentException} whose message names the option and the value (exit 2).
 *
 * @param policies      the policy and the {@code --compare} ones, in order
 * @param trace         the trace file
 * @param limit         first N requests (0 = all)
 * @param timeScale     arrivals this many times faster
 * @param seed          replay seed
 * @param workload      app, alias, sensitive share and finding (preset from the trace's name, then the flags)
 * @param slo           objective for every request, or null (the rules' slo, else the default)
 * @param profilesFile  simulator profile file, or null (built-ins)
 * @param poolProfiles  {@code --profile POOL=NAME}
 * @param apiProfile    profile of external deployments
 * @param rateLimits    whether the API profile's rate limits apply
 * @param out           {@code --out} file (.json or .md), or null
 */
record SimulateArguments(List<Path> policies, Path trace, int limit, double timeScale, long seed, Workload workload,
                         SloTarget slo, Path profilesFile, Map<String, String> poolProfiles, String apiProfile,
                         boolean rateLimits, Path out) {

    static final int MAX_POLICIES = 8;
    static final int MAX_LIMIT = 10_000_000;

    static SimulateArguments parse(List<String> args) {
        List<Path> policies = new ArrayList<>();
        Map<String, String> v = new LinkedHashMap<>();
        Map<String, String> pools = new LinkedHashMap<>();
        boolean rateLimits = true;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--compare" -> {
                    int before = policies.size();
                    while (i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
                        policies.add(Path.of(args.get(++i)));
                    }
                    if (policies.size() == before || before == 0) {
                        throw new IllegalArgumentException("--compare needs the policy FILE first and one or more files after it");
                    }
                }
                case "--no-rate-limits" -> rateLimits = false;
                case "--profile" -> {
                    String p = value(args, ++i, a);
                    int eq = p.indexOf('=');
                    if (eq < 1 || eq == p.length() - 1) {
                        throw new IllegalArgumentException("--profile: expected POOL=PROFILE, got '" + p + "'");
                    }
                    pools.put(p.substring(0, eq), p.substring(eq + 1));
                }
                case "--trace", "--limit", "--time-scale", "--seed", "--app", "--model", "--sensitive-share",
                     "--sensitive-finding", "--slo-ttft", "--slo-total", "--profiles", "--api-profile", "--out" -> {
                    if (v.put(a, value(args, ++i, a)) != null) {
                        throw new IllegalArgumentException(a + " given twice");
                    }
                }
                default -> {
                    if (a.startsWith("-") || !policies.isEmpty()) {
                        throw new IllegalArgumentException(a.startsWith("-") ? "unknown option " + a : "unexpected argument '" + a + "'");
                    }
                    policies.add(Path.of(a));
                }
            }
        }
        if (policies.isEmpty() || !v.containsKey("--trace")) {
            throw new IllegalArgumentException("a policy FILE and --trace are required");
        }
        if (policies.size() > MAX_POLICIES) {
            throw new IllegalArgumentException("at most " + MAX_POLICIES + " policies at once, got " + policies.size());
        }
        Path trace = Path.of(v.get("--trace"));
        Workload w = Workload.forTrace(String.valueOf(trace.getFileName()));
        w = v.containsKey("--app") ? w.withApp(v.get("--app")) : w;
        w = v.containsKey("--model") ? w.withAlias(v.get("--model")) : w;
        w = v.containsKey("--sensitive-share") ? w.withSensitiveShare(number(v, "--sensitive-share", 0, 1)) : w;
        w = v.containsKey("--sensitive-finding") ? w.withFinding(finding(v.get("--sensitive-finding"))) : w;
        SloTarget slo = null;
        if (v.containsKey("--slo-ttft") || v.containsKey("--slo-total")) {
            slo = new SloTarget(millis(v, "--slo-ttft", SloTarget.DEFAULT.ttftMs()), millis(v, "--slo-total", SloTarget.DEFAULT.totalMs()));
        }
        Path out = v.containsKey("--out") ? Path.of(v.get("--out")) : null;
        if (out != null && !out.toString().endsWith(".json") && !out.toString().endsWith(".md")) {
            throw new IllegalArgumentException("--out: the file must end in .json or .md, got '" + out + "'");
        }
        return new SimulateArguments(policies, trace, (int) number(v, "--limit", 1, MAX_LIMIT, 0),
                number(v, "--time-scale", 0.01, 100, 1), (long) number(v, "--seed", Long.MIN_VALUE, Long.MAX_VALUE, 42), w, slo,
                v.containsKey("--profiles") ? Path.of(v.get("--profiles")) : null, pools,
                v.getOrDefault("--api-profile", "openai-api"), rateLimits, out);
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size() || args.get(i).startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(i);
    }

    private static double number(Map<String, String> v, String option, double min, double max) {
        return number(v, option, min, max, Double.NaN);
    }

    private static double number(Map<String, String> v, String option, double min, double max, double absent) {
        String text = v.get(option);
        if (text == null) {
            return absent;
        }
        try {
            double d = option.equals("--seed") ? Long.parseLong(text) : Double.parseDouble(text);
            boolean whole = !option.equals("--limit") || d == Math.rint(d);
            if (d >= min && d <= max && whole) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(option + ": expected " + (option.equals("--seed") ? "a whole number"
                : "a number within " + fmt(min) + ".." + fmt(max)) + ", got '" + text + "'");
    }

    private static double millis(Map<String, String> v, String option, double absent) {
        String text = v.get(option);
        if (text == null) {
            return absent;
        }
        Duration d = DurationText.parse(text);
        if (d == null || d.isZero()) {
            throw new IllegalArgumentException(option + ": expected a duration like 1500ms, 2s or 1m (> 0), got '" + text + "'");
        }
        return d.toMillis();
    }

    private static Workload.Finding finding(String text) {
        try {
            return Workload.Finding.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--sensitive-finding: " + e.getMessage());
        }
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
