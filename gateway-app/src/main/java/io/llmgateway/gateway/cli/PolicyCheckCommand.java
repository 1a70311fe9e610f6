package io.llmgateway.gateway.cli;

import io.llmgateway.adapter.UpstreamTarget;
import io.llmgateway.adapter.WireAdapters;
import io.llmgateway.gateway.sensitivity.RequestClassifier;
import io.llmgateway.policy.Deployment;
import io.llmgateway.policy.Policy;
import io.llmgateway.policy.PolicyException;
import io.llmgateway.policy.PolicyLoader;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * {@code policy check [--strict] FILE}: everything the gateway checks when it loads a policy (schema,
 * references, static data-class verification, adapters for every {@code api}, the {@code sensitivity} section
 * as the classifier applies it), without starting it.
 * Prints every problem and warning as {@code file:line: path: message}. Exit 0 when the policy would be
 * accepted (with {@code --strict}: and has no warnings), 1 when not, 2 on wrong usage. Unset
 * {@code api-key-env} variables are warnings here (the machine running the check need not hold the keys).
 */
public final class PolicyCheckCommand implements Command {

    private final Function<String, String> env;

    public PolicyCheckCommand() {
        this(System::getenv);
    }

    PolicyCheckCommand(Function<String, String> env) {
        this.env = env;
    }

    @Override
    public String name() {
        return "check";
    }

    @Override
    public String usage() {
        return "[--strict] FILE";
    }

    @Override
    public String summary() {
        return "validate a policy file and verify no data class can reach a forbidden zone (exit 0 ok, 1 refused)";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        boolean strict = args.contains("--strict");
        List<String> files = args.stream().filter(a -> !a.equals("--strict")).toList();
        if (files.size() != 1 || files.get(0).startsWith("-")) {
            err.println("usage: java -jar gateway-app.jar policy check " + usage());
            return 2;
        }
        Path file = Path.of(files.get(0));
        if (!Files.isRegularFile(file)) {
            out.println(file + ": no such file");
            return 1;
        }
        Policy policy;
        try {
            policy = PolicyLoader.load(file);
        } catch (PolicyException e) {
            e.problems().forEach(p -> out.println("error: " + p));
            out.println("REFUSED " + file + ": " + e.problems().size() + " problem(s)");
            return 1;
        }
        List<String> errors = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        policy.warnings().forEach(w -> warnings.add(w.toString()));
        WireAdapters adapters = WireAdapters.standard();
        int i = 0;
        for (Deployment d : policy.deployments().values()) {
            String at = file + ": deployments[" + i++ + "]";
            var adapter = adapters.get(d.api());
            if (adapter.isEmpty()) {
                errors.add(at + ".api: unknown api '" + d.api() + "' (known: " + String.join(", ", adapters.apis()) + ")");
            } else {
                try {
                    var t = d.timeouts();
                    adapter.get().validate(new UpstreamTarget(d.id(), d.url(), d.model(), null, d.headers(), d.options(),
                            new UpstreamTarget.Timeouts(t.connect(), t.firstToken(), t.idle(), t.total())));
                } catch (IllegalArgumentException e) {
                    errors.add(at + ".options: " + e.getMessage());
                }
            }
            if (d.apiKeyEnv() != null && (env.apply(d.apiKeyEnv()) == null || env.apply(d.apiKeyEnv()).isBlank())) {
                warnings.add(at + ".api-key-env: environment variable " + d.apiKeyEnv()
                        + " is not set here (the gateway refuses to start without it)");
            }
        }
        try {
            RequestClassifier.compile(policy, Duration.ZERO); // the sensitivity section as the classifier applies it
        } catch (PolicyException e) {
            e.problems().forEach(p -> errors.add(p.toString()));
        }
        errors.forEach(e -> out.println("error: " + e));
        warnings.forEach(w -> out.println("warning: " + w));
        if (!errors.isEmpty()) {
            out.println("REFUSED " + file + ": " + errors.size() + " problem(s), " + warnings.size() + " warning(s)");
            return 1;
        }
        out.printf("OK %s (version %s): %d pools, %d deployments, %d models, %d apps, %d rules, %d data classes; %d warning(s)%n",
                file, policy.version(), policy.pools().size(), policy.deployments().size(), policy.models().size(),
                policy.apps().size(), policy.rules().size(), policy.dataClasses().ordered().size(), warnings.size());
        return strict && !warnings.isEmpty() ? 1 : 0;
    }
}
