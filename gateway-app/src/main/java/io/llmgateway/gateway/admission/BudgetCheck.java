package io.llmgateway.gateway.admission;

/**
 * The budget side of one admission: which day and month the spend is booked on, the hard limits
 * (NaN = none) and the cost reserved for this request until its real cost is known.
 *
 * @param dayKey        e.g. {@code 2025-06-01} in the configured budget time zone
 * @param monthKey      e.g. {@code 2025-06}
 * @param dailyLimit    USD, NaN if none
 * @param monthlyLimit  USD, NaN if none
 * @param estimatedCost USD reserved at admission
 */
public record BudgetCheck(String dayKey, String monthKey, double dailyLimit, double monthlyLimit, double estimatedCost) {

    public boolean any() {
        return !Double.isNaN(dailyLimit) || !Double.isNaN(monthlyLimit);
    }

    /** A refusal if booking {@code estimatedCost} on top of what is spent would pass a hard limit. */
    Refusal check(double spentDay, double spentMonth) {
        if (over(spentDay, dailyLimit)) {
            return Refusal.BUDGET_DAILY;
        }
        return over(spentMonth, monthlyLimit) ? Refusal.BUDGET_MONTHLY : null;
    }

    private boolean over(double spent, double limit) {
        return !Double.isNaN(limit) && (spent >= limit || spent + estimatedCost > limit);
    }

    /** Limits shrunk to this replica's share of what is left (used while the shared store is unreachable). */
    BudgetCheck share(int replicas, double spentDay, double spentMonth) {
        if (replicas <= 1) {
            return this;
        }
        return new BudgetCheck(dayKey, monthKey, part(dailyLimit, spentDay, replicas), part(monthlyLimit, spentMonth, replicas),
                estimatedCost);
    }

    private static double part(double limit, double spent, int n) {
        return Double.isNaN(limit) ? limit : spent + Math.max(0, limit - spent) / n;
    }
}
