package io.llmgateway.gateway.routing;

import io.llmgateway.policy.Policy;
import io.llmgateway.policy.PolicyException;
import io.llmgateway.policy.PolicyLoader;
import io.llmgateway.policy.live.LiveTrackers;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-reads the policy file and swaps the routing state atomically if, and only if, the new policy is
 * valid, verified and compiles (adapters known, key variables set). A refused policy leaves the running
 * one in place; the problems are logged, kept as the last error, and counted:
 * {@code gateway.policy.reloads{outcome=ok|refused}}. App keys come from the policy, so rotating a key is a reload.
 */
public final class PolicyReloader {

    private static final Logger log = LoggerFactory.getLogger(PolicyReloader.class);

    private final Path file;
    private final RoutingStateHolder holder;
    private final RoutingStateCompiler compiler;
    private final LiveTrackers trackers;
    private final MeterRegistry registry;
    private volatile ReloadStatus last;
    private volatile ReloadStatus lastError;
    private String lastRefusedVersion;

    public PolicyReloader(Path file, RoutingStateHolder holder, RoutingStateCompiler compiler, LiveTrackers trackers,
                          MeterRegistry registry) {
        this.file = file;
        this.holder = holder;
        this.compiler = compiler;
        this.trackers = trackers;
        this.registry = registry;
    }

    /** The watched policy file, or null in demo mode. */
    public Path file() {
        return file;
    }

    /** Reloads when the file's content differs from the running policy and from the last refused one. */
    public synchronized ReloadStatus reloadIfChanged(String trigger) {
        if (file == null) {
            return last;
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return last; // mid-swap or briefly missing: the next event or poll tries again
        }
        String version = PolicyLoader.version(text);
        if (version.equals(holder.current().policy().version()) || version.equals(lastRefusedVersion)) {
            return last;
        }
        return apply(trigger, text);
    }

    /** Reloads the file now, whatever its content. */
    public synchronized ReloadStatus reload(String trigger) {
        if (file == null) {
            throw new IllegalStateException("no policy file: the gateway runs the demo policy");
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return refused(trigger, null, List.of(file + ": cannot read: " + e));
        }
        return apply(trigger, text);
    }

    private ReloadStatus apply(String trigger, String text) {
        String version = PolicyLoader.version(text);
        try {
            Policy policy = PolicyLoader.parse(file.toString(), text);
            RoutingState next = compiler.compile(policy);
            boolean same = version.equals(holder.current().policy().version());
            holder.replace(next);
            trackers.retain(policy.deployments().keySet());
            lastRefusedVersion = null;
            List<String> warnings = policy.warnings().stream().map(Object::toString).toList();
            warnings.forEach(w -> log.warn("policy {} warning: {}", version, w));
            log.info("policy {} loaded from {} ({}): {} deployments, {} models, {} apps, {} rules", version, file, trigger,
                    policy.deployments().size(), policy.models().size(), policy.apps().size(), policy.rules().size());
            registry.counter("gateway.policy.reloads", "outcome", "ok").increment();
            last = new ReloadStatus(Instant.now(), trigger, same ? "unchanged" : "ok", version, List.of(), warnings);
            return last;
        } catch (PolicyException e) {
            lastRefusedVersion = version;
            return refused(trigger, version, e.problems().stream().map(Object::toString).toList());
        } catch (RuntimeException e) {
            lastRefusedVersion = version;
            return refused(trigger, version, List.of(file + ": " + e));
        }
    }

    private ReloadStatus refused(String trigger, String version, List<String> problems) {
        log.error("policy reload ({}) refused, the running policy {} stays:\n  {}", trigger,
                holder.current().policy().version(), String.join("\n  ", problems));
        registry.counter("gateway.policy.reloads", "outcome", "refused").increment();
        last = new ReloadStatus(Instant.now(), trigger, "refused", version, problems, List.of());
        lastError = last;
        return last;
    }

    /** The last reload attempt, or null if none yet. */
    public ReloadStatus last() {
        return last;
    }

    /** The last refused reload, or null if none. */
    public ReloadStatus lastError() {
        return lastError;
    }
}
