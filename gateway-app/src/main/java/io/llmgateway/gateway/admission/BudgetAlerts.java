package io.llmgateway.gateway.admission;

import io.llmgateway.policy.Budget;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The soft budget threshold: when an app's booked spend passes {@code soft-percent} of its daily or
 * monthly budget, one warning per app and period is logged and {@code gateway.budget.alerts} counted
 * ({@code level=soft}); refusals at 100% count as {@code level=hard}.
 */
final class BudgetAlerts {

    private static final Logger log = LoggerFactory.getLogger(BudgetAlerts.class);

    private final MeterRegistry registry;
    private final Set<String> alerted = ConcurrentHashMap.newKeySet();

    BudgetAlerts(MeterRegistry registry) {
        this.registry = registry;
    }

    void observe(String appId, Budget budget, BudgetCheck check, Verdict v) {
        soft(appId, "daily", check.dayKey(), budget.daily(), v.spentDay(), budget.softPercent());
        soft(appId, "monthly", check.monthKey(), budget.monthly(), v.spentMonth(), budget.softPercent());
        if (v.refusal() != null && v.refusal().budget()) {
            registry.counter("gateway.budget.alerts", "app", appId,
                    "period", v.refusal() == Refusal.BUDGET_DAILY ? "daily" : "monthly", "level", "hard").increment();
        }
    }

    private void soft(String appId, String period, String key, double limit, double spent, int softPercent) {
        if (Double.isNaN(limit) || spent < limit * softPercent / 100.0) {
            return;
        }
        if (alerted.add(appId + "|" + period + "|" + key)) {
            alerted.removeIf(k -> k.startsWith(appId + "|" + period + "|") && !k.endsWith("|" + key));
            registry.counter("gateway.budget.alerts", "app", appId, "period", period, "level", "soft").increment();
            log.warn(String.format(Locale.ROOT, "app '%s' has booked USD %.2f of its %s budget of %.2f (soft threshold %d%%)",
                    appId, spent, period, limit, softPercent));
        }
    }
}
