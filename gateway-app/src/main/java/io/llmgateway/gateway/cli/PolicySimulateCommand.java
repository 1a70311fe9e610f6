package io.llmgateway.gateway.cli;

import io.llmgateway.policy.Policy;
import io.llmgateway.policy.PolicyException;
import io.llmgateway.policy.PolicyLoader;
import io.llmgateway.sim.GpuProfileFile;
import io.llmgateway.sim.replay.PolicyReplay;
import io.llmgateway.sim.replay.ReplayJson;
import io.llmgateway.sim.replay.ReplayMarkdown;
import io.llmgateway.sim.replay.ReplayOptions;
import io.llmgateway.sim.replay.ReplayResult;
import io.llmgateway.sim.replay.Trace;
import io.llmgateway.sim.replay.TraceReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code policy simulate FILE --trace CSV|JSONL [--compare FILE2 ...] [options]}: replays a request trace
 * through each policy's planner against simulated deployments (model-sim's GPU and API profiles, in
 * virtual time) and prints cost, TTFT and latency percentiles, SLO attainment, share per pool and zone,
 * and refused requests by reason, the policies side by side (Markdown; {@code --out} writes JSON or
 * Markdown too). Exit 0 when it ran, 1 when a policy is refused (its problems are printed), 2 on wrong
 * usage (including an unreadable trace or an app/profile the policy cannot be simulated with).
 */
public final class PolicySimulateCommand implements Command {

    @Override
    public String name() {
        return "simulate";
    }

    @Override
    public String usage() {
        return "FILE --trace CSV|JSONL [--compare FILE2 ...] [--limit N] [--time-scale X] [--seed N]\n"
                + "        [--app ID] [--model ALIAS] [--sensitive-share 0..1] [--sensitive-finding CATEGORY[:DETECTOR]]\n"
                + "        [--slo-ttft DURATION] [--slo-total DURATION] [--profiles FILE] [--profile POOL=PROFILE ...]\n"
                + "        [--api-profile NAME] [--no-rate-limits] [--out FILE.json|FILE.md]";
    }

    @Override
    public String summary() {
        return "replay a trace through the policy against simulated pools: cost, TTFT/latency, SLO, share per pool, refused";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.contains("--help") || args.contains("-h")) {
            out.println("usage: java -jar gateway-app.jar policy simulate " + usage());
            return 0;
        }
        SimulateArguments a;
        Trace trace;
        GpuProfileFile profiles;
        try {
            a = SimulateArguments.parse(args);
            trace = TraceReader.read(a.trace());
            trace = a.limit() > 0 ? trace.first(a.limit()) : trace;
            trace = trace.timeScaled(a.timeScale());
            profiles = a.profilesFile() == null ? GpuProfileFile.builtIn() : GpuProfileFile.read(a.profilesFile());
        } catch (RuntimeException e) {
            return usage(err, e.getMessage());
        }
        List<Policy> policies = new ArrayList<>();
        boolean refused = false;
        for (Path file : a.policies()) {
            try {
                policies.add(PolicyLoader.load(file));
            } catch (PolicyException e) {
                e.problems().forEach(p -> out.println("error: " + p));
                out.println("REFUSED " + file + ": " + e.problems().size() + " problem(s)");
                refused = true;
            }
        }
        if (refused) {
            return 1;
        }
        ReplayOptions options = ReplayOptions.builder(a.workload()).seed(a.seed()).slo(a.slo()).profiles(profiles)
                .poolProfiles(a.poolProfiles()).apiProfile(a.apiProfile()).apiRateLimits(a.rateLimits()).build();
        List<ReplayResult> results = new ArrayList<>();
        try {
            for (Policy p : policies) {
                results.add(PolicyReplay.run(p, trace, options));
            }
        } catch (IllegalArgumentException e) {
            return usage(err, e.getMessage());
        }
        String markdown = ReplayMarkdown.render(results);
        out.print(markdown);
        if (a.out() != null) {
            String text = a.out().toString().endsWith(".json") ? ReplayJson.render(results) : markdown;
            try {
                Files.writeString(a.out(), text, StandardCharsets.UTF_8);
            } catch (IOException e) {
                err.println("error: cannot write " + a.out() + ": " + e.getMessage());
                return 1;
            }
            out.println();
            out.println("wrote " + a.out());
        }
        return 0;
    }

    private int usage(PrintStream err, String problem) {
        err.println("error: " + problem);
        err.println("usage: java -jar gateway-app.jar policy simulate " + usage());
        return 2;
    }
}
