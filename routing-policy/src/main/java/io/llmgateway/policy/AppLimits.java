package io.llmgateway.policy;

import java.util.Map;

/**
 * An app's limits: over all its requests, and per model alias.
 *
 * @param overall  limits over every alias
 * @param perModel alias -> limits for that alias only
 */
public record AppLimits(Limits overall, Map<String, Limits> perModel) {

    public static final AppLimits NONE = new AppLimits(Limits.NONE, Map.of());

    public AppLimits {
        perModel = Map.copyOf(perModel);
    }

    public Limits forModel(String alias) {
        return perModel.getOrDefault(alias, Limits.NONE);
    }
}
