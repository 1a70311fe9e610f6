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
 */
public record App(String id, List<String> keyHashes, Set<String> models) {

    public App {
        Objects.requireNonNull(id, "id");
        keyHashes = List.copyOf(keyHashes);
        models = Set.copyOf(models);
    }

    public boolean mayUse(String alias) {
        return models.isEmpty() || models.contains(alias);
    }
}
