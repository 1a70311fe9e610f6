package io.llmgateway.bench.load;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** The JMH results file ({@code -rf json}) as a Markdown table with the {@code -prof gc} allocation columns. */
final class JmhTable {

    private JmhTable() {
    }

    static String render(Path json) {
        if (!Files.exists(json)) {
            return "";
        }
        JsonNode runs = LoadReport.read(json);
        StringBuilder sb = new StringBuilder("### JMH microbenchmarks (`-prof gc`)\n\n")
                .append("| benchmark | params | mode | score | error (99.9%) | unit | allocated B/op | alloc rate MB/s |\n")
                .append("|---|---|---|---:|---:|---|---:|---:|\n");
        for (JsonNode r : runs) {
            String name = r.path("benchmark").asString();
            name = name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1);
            StringBuilder params = new StringBuilder();
            for (Map.Entry<String, JsonNode> p : r.path("params").properties()) {
                params.append(params.isEmpty() ? "" : ", ").append(p.getKey()).append('=').append(p.getValue().asString());
            }
            JsonNode primary = r.path("primaryMetric");
            JsonNode secondary = r.path("secondaryMetrics");
            sb.append("| ").append(name).append(" | ").append(params.isEmpty() ? "-" : params).append(" | ")
                    .append(r.path("mode").asString()).append(" | ").append(ReportMarkdown.num(primary.path("score")))
                    .append(" | ").append(ReportMarkdown.num(primary.path("scoreError"))).append(" | ")
                    .append(primary.path("scoreUnit").asString()).append(" | ")
                    .append(ReportMarkdown.num(metric(secondary, "gc.alloc.rate.norm"))).append(" | ")
                    .append(ReportMarkdown.num(metric(secondary, "gc.alloc.rate"))).append(" |\n");
        }
        return sb.append('\n').toString();
    }

    /** A secondary metric's score; JMH before 1.35 prefixed profiler metrics with a middle dot. */
    private static JsonNode metric(JsonNode secondary, String name) {
        JsonNode m = secondary.path(name);
        if (m.isMissingNode()) {
            m = secondary.path("\u00b7" + name);
        }
        return m.path("score");
    }
}
