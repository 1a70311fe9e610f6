package io.llmgateway.gateway.admission;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * USD booked per app and period key ({@code app|d:2025-06-01}, {@code app|m:2025-06}) in this process.
 * Old periods are dropped as new ones appear. In failover mode it mirrors the totals Redis reported,
 * so local checks start from the shared spend.
 */
final class BudgetBook {

    private final Map<String, Double> spent = new ConcurrentHashMap<>();

    double get(String appId, String period) {
        return spent.getOrDefault(appId + "|" + period, 0.0);
    }

    double add(String appId, String period, double usd) {
        return spent.merge(appId + "|" + period, usd, Double::sum);
    }

    void set(String appId, String period, double usd) {
        spent.put(appId + "|" + period, usd);
    }

    /** Forgets periods other than the current day and month. */
    void retainOnly(String dayPeriod, String monthPeriod) {
        spent.keySet().removeIf(k -> {
            String p = k.substring(k.indexOf('|') + 1);
            return !p.equals(dayPeriod) && !p.equals(monthPeriod);
        });
    }

    static String day(BudgetCheck b) {
        return "d:" + b.dayKey();
    }

    static String month(BudgetCheck b) {
        return "m:" + b.monthKey();
    }
}
