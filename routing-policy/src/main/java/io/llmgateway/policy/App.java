package io.llmgateway.policy;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An internal application that calls the gateway.
 *
 * @param id        stable id used in metrics, limits and the ledger
 * @param keyHashes SHA-256 hashes (lower-case hex) of the app's accepted keys; several allow rotation
 * @param models    model aliases the app may use; empty means all
 * @param floor     data-class floor: the effective class of its requests is never below it
 * @param redact    classes whose findings are masked instead of forcing a private backend (classifier)
 * @param priority  interactive or batch (admission under saturation)
 * @param limits    rate and concurrency limits (admission)
 * @param budget    USD budget (admission)
 */
public record App(String id, List<String> keyHashes, Set<String> models, DataClass floor, Set<String> redact,
                  Priority priority, AppLimits limits, Budget budget) {

    public App {
        Objects.requireNonNull(id, "id");
        keyHashes = List.copyOf(keyHashes);
        models = Set.copyOf(models);
        Objects.requireNonNull(floor, "floor");
        redact = Set.copyOf(redact);
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(budget, "budget");
    }

    /** An app with no floor (the default ladder's lowest class), no limits and no budget. */
    public App(String id, List<String> keyHashes, Set<String> models) {
        this(id, keyHashes, models, DataClasses.DEFAULTS.lowest(), Set.of(), Priority.INTERACTIVE, AppLimits.NONE, Budget.NONE);
    }

    public boolean mayUse(String alias) {
        return models.isEmpty() || models.contains(alias);
    }
}
