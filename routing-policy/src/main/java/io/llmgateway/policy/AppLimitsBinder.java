package io.llmgateway.policy;

import io.llmgateway.policy.yaml.ConfigNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Binds {@code apps[i].limits} and {@code apps[i].budget}; admission gives them behaviour. */
final class AppLimitsBinder {

    private static final Set<String> LIMIT_FIELDS = Set.of("rpm", "tpm", "concurrency", "per-model");
    private static final Set<String> MODEL_LIMIT_FIELDS = Set.of("rpm", "tpm", "concurrency");
    private static final Set<String> BUDGET_FIELDS = Set.of("daily", "monthly", "soft-percent");

    private AppLimitsBinder() {
    }

    static AppLimits limits(ConfigNode node) {
        Fields f = Fields.of(node, LIMIT_FIELDS);
        Limits overall = limits(f);
        Map<String, Limits> perModel = new LinkedHashMap<>();
        if (f.has("per-model")) {
            for (Map.Entry<String, ConfigNode> e : f.get("per-model").entries().entrySet()) {
                perModel.put(e.getKey(), limits(Fields.of(e.getValue(), MODEL_LIMIT_FIELDS)));
            }
        }
        return new AppLimits(overall, perModel);
    }

    private static Limits limits(Fields f) {
        return new Limits(f.integer("rpm", 1, 100_000_000, 0), f.longValue("tpm", 1, 100_000_000_000L, 0),
                f.integer("concurrency", 1, 1_000_000, 0));
    }

    static Budget budget(ConfigNode node) {
        Fields f = Fields.of(node, BUDGET_FIELDS);
        double daily = f.number("daily", 0.000001, 1e9, Double.NaN);
        double monthly = f.number("monthly", 0.000001, 1e9, Double.NaN);
        if (!f.has("daily") && !f.has("monthly") && !f.failed()) {
            node.fail("a budget needs 'daily' and/or 'monthly'");
        }
        if (!Double.isNaN(daily) && !Double.isNaN(monthly) && daily > monthly) {
            f.get("daily").fail("daily budget " + daily + " exceeds the monthly budget " + monthly);
        }
        return new Budget(daily, monthly, f.integer("soft-percent", 1, 100, Budget.NONE.softPercent()));
    }
}
