package io.llmgateway.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * Turns the reports of one {@code bench/run-benchmarks.sh} run into {@code results.md}: the side-by-side
 * tables (direct to the simulator, through nginx, through the gateway), the targets of docs/benchmarks.md
 * with their verdicts, the JMH table and every run's full row. Reads {@code DIR/<scenario>-<target>.json}
 * (scenarios {@code throughput}, {@code throughput-stream}, {@code latency}, {@code latency-stream},
 * {@code streams}; the interleaved {@code paired} and {@code paired-stream} with their direct halves
 * {@code <scenario>-direct-vs-<target>}), {@code DIR/jmh.json}, and {@code DIR/machine.txt}.
 *
 * <pre>java -cp bench/target/benchmarks.jar io.llmgateway.bench.load.BenchSummary target/bench &gt; target/bench/results.md</pre>
 */
public final class BenchSummary {

    static final List<String> TARGETS = List.of("direct", "nginx", "gateway");
    /** Most RSS growth over the second half of the 2,000-stream window that still counts as flat. */
    static final double FLAT_RSS_SHARE = 0.05;

    private final Path dir;

    private BenchSummary(Path dir) {
        this.dir = dir;
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: BenchSummary RESULTS_DIR");
            System.exit(2);
        }
        System.out.print(render(Path.of(args[0])));
    }

    /** The Markdown of the reports in {@code dir}. */
    static String render(Path dir) throws IOException {
        return new BenchSummary(dir).render();
    }

    private String render() throws IOException {
        StringBuilder sb = new StringBuilder();
        Path machine = dir.resolve("machine.txt");
        if (Files.exists(machine)) {
            sb.append("```\n").append(Files.readString(machine).strip()).append("\n```\n\n");
        }
        sb.append(BenchTables.throughput(this));
        sb.append(BenchTables.latency(this));
        sb.append(BenchTables.paired(this));
        sb.append(BenchTables.streams(this));
        sb.append(BenchTables.targets(this));
        sb.append(JmhTable.render(dir.resolve("jmh.json")));
        sb.append(allRuns());
        return sb.toString();
    }

    /** The report of {@code scenario} against {@code target}, or null if that run did not happen. */
    JsonNode report(String scenario, String target) {
        Path p = dir.resolve(scenario + "-" + target + ".json");
        return Files.exists(p) ? LoadReport.read(p) : null;
    }

    private String allRuns() throws IOException {
        List<JsonNode> runs = new ArrayList<>();
        for (String scenario : List.of("throughput", "throughput-stream", "latency", "latency-stream", "streams")) {
            for (String t : TARGETS) {
                JsonNode r = report(scenario, t);
                if (r != null) {
                    runs.add(r);
                }
            }
        }
        for (String scenario : BenchTables.PAIRED) {
            for (String t : BenchTables.PAIRED_TARGETS) {
                for (String name : List.of(t, "direct-vs-" + t)) {
                    JsonNode r = report(scenario, name);
                    if (r != null) {
                        runs.add(r);
                    }
                }
            }
        }
        if (runs.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder("### Every run\n\nLatencies in ms; load average (1/5/15 min) before each run in the "
                + "JSON reports beside this file.\n\n").append(ReportMarkdown.RUN_HEADER);
        runs.forEach(r -> sb.append(ReportMarkdown.row(r)));
        sb.append('\n').append(ReportMarkdown.PROCESS_HEADER);
        runs.forEach(r -> sb.append(ReportMarkdown.processRows(r)));
        return sb.append('\n').toString();
    }

    static String f(double v) {
        double a = Math.abs(v);
        return String.format(Locale.ROOT, a >= 100 ? "%.0f" : a >= 10 ? "%.1f" : a >= 1 ? "%.2f" : "%.3f", v);
    }
}
