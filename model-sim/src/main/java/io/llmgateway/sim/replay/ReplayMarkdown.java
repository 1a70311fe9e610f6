package io.llmgateway.sim.replay;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.function.Function;

/** Renders replay results of one trace as Markdown: the policies side by side, then each policy's deployments. */
public final class ReplayMarkdown {

    private ReplayMarkdown() {
    }

    public static String render(List<ReplayResult> results) {
        if (results.isEmpty()) {
            return "";
        }
        ReplayResult first = results.get(0);
        Workload w = first.run().workload();
        StringBuilder sb = new StringBuilder();
        sb.append("Trace `").append(name(first.run().trace())).append("`: ").append(first.counts().requests())
                .append(" requests; app `").append(w.appId()).append("`, model `").append(w.alias()).append("`, ")
                .append(pct(w.sensitiveShare())).append(" with finding `").append(w.finding()).append("`; seed ")
                .append(first.run().seed()).append(". SLO: ").append(first.slo().basis()).append(".\n\n");
        sb.append("| |");
        results.forEach(r -> sb.append(' ').append(name(r.run().policy())).append(" |"));
        sb.append("\n|---|");
        results.forEach(r -> sb.append("---:|"));
        sb.append('\n');
        row(sb, results, "requests", r -> Integer.toString(r.counts().requests()));
        row(sb, results, "served", r -> r.counts().served() + " (" + pct(ratio(r.counts().served(), r.counts().requests())) + ")");
        row(sb, results, "refused", r -> Integer.toString(r.counts().refusedTotal()));
        TreeSet<String> reasons = new TreeSet<>();
        results.forEach(r -> reasons.addAll(r.counts().refused().keySet()));
        for (String reason : reasons) {
            row(sb, results, "refused: " + reason, r -> Integer.toString(r.counts().refused().getOrDefault(reason, 0)));
        }
        row(sb, results, "served after failover", r -> Integer.toString(r.counts().failedOver()));
        row(sb, results, "cost total (USD)", r -> money(r.cost().totalUsd()));
        row(sb, results, "cost: API tokens (USD)", r -> money(r.cost().apiUsd()));
        row(sb, results, "cost: GPUs provisioned (USD)", r -> money(r.cost().gpuUsd()));
        row(sb, results, "cost per 1k served (USD)", r -> money(r.cost().per1kServed(r.counts().served())));
        row(sb, results, "GPU cost per 1M self-hosted tokens (USD)", r -> money(r.cost().gpuPer1mTokens()));
        row(sb, results, "GPU cost while engines active (USD)", r -> money(r.cost().gpuBusyUsd()));
        row(sb, results, "TTFT p50 / p90 / p99 (ms)", r -> ms(r.latency().ttftP50()) + " / " + ms(r.latency().ttftP90())
                + " / " + ms(r.latency().ttftP99()));
        row(sb, results, "end-to-end p50 / p99 (s)", r -> sec(r.latency().totalP50()) + " / " + sec(r.latency().totalP99()));
        row(sb, results, "SLO met (TTFT and total)", r -> pct(r.slo().met()));
        row(sb, results, "SLO met: TTFT / total", r -> pct(r.slo().ttftMet()) + " / " + pct(r.slo().totalMet()));
        TreeSet<String> zones = new TreeSet<>();
        TreeSet<String> pools = new TreeSet<>();
        results.forEach(r -> {
            zones.addAll(r.shares().byZone().keySet());
            pools.addAll(r.shares().byPool().keySet());
        });
        zones.forEach(z -> row(sb, results, "share zone " + z, r -> pct(r.shares().byZone().getOrDefault(z, 0.0))));
        pools.forEach(p -> row(sb, results, "share pool " + p, r -> pct(r.shares().byPool().getOrDefault(p, 0.0))));
        row(sb, results, "replay window (min)", r -> String.format(Locale.ROOT, "%.1f", r.cost().windowSeconds() / 60));
        for (ReplayResult r : results) {
            deployments(sb, r);
        }
        return sb.toString();
    }

    private static void deployments(StringBuilder sb, ReplayResult r) {
        sb.append("\n`").append(name(r.run().policy())).append("` by deployment");
        if (r.deployments().stream().allMatch(d -> d.served() == 0 && d.gpuUsd() == 0)) {
            sb.append(": none served this traffic or was provisioned for it.\n");
            return;
        }
        sb.append(":\n\n")
                .append("| deployment | pool | zone | profile | served | tokens | API USD | GPU USD | engine active |\n")
                .append("|---|---|---|---|---:|---:|---:|---:|---:|\n");
        for (ReplayResult.DeploymentUsage d : r.deployments()) {
            if (d.served() == 0 && d.gpuUsd() == 0) {
                continue;
            }
            sb.append("| ").append(d.id()).append(" | ").append(d.pool()).append(" | ").append(d.zone()).append(" | ")
                    .append(d.profile()).append(" | ").append(d.served()).append(" | ").append(d.tokens()).append(" | ")
                    .append(money(d.apiUsd())).append(" | ").append(money(d.gpuUsd())).append(" | ")
                    .append(Double.isNaN(d.busyShare()) ? "n/a" : pct(d.busyShare())).append(" |\n");
        }
    }

    private static void row(StringBuilder sb, List<ReplayResult> results, String label, Function<ReplayResult, String> cell) {
        sb.append("| ").append(label).append(" |");
        results.forEach(r -> sb.append(' ').append(cell.apply(r)).append(" |"));
        sb.append('\n');
    }

    static String name(String source) {
        Path p = Path.of(source).getFileName();
        return p == null ? source : p.toString();
    }

    private static double ratio(int a, int b) {
        return b == 0 ? Double.NaN : (double) a / b;
    }

    static String pct(double share) {
        return Double.isNaN(share) ? "n/a" : String.format(Locale.ROOT, "%.1f%%", share * 100);
    }

    static String money(double usd) {
        return Double.isNaN(usd) ? "n/a" : String.format(Locale.ROOT, usd >= 100 ? "%.0f" : "%.2f", usd);
    }

    private static String ms(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.0f", v);
    }

    private static String sec(double ms) {
        return Double.isNaN(ms) ? "n/a" : String.format(Locale.ROOT, "%.1f", ms / 1000);
    }
}
