package io.llmgateway.policy;

/**
 * An app's spending budget in USD (enforced by admission); NaN = no budget for that period.
 *
 * @param daily       per UTC day
 * @param monthly     per UTC month
 * @param softPercent share of a budget at which an alert fires (1..100, default 80); 100% is the hard stop
 */
public record Budget(double daily, double monthly, int softPercent) {

    public static final Budget NONE = new Budget(Double.NaN, Double.NaN, 80);

    public boolean hasDaily() {
        return !Double.isNaN(daily);
    }

    public boolean hasMonthly() {
        return !Double.isNaN(monthly);
    }
}
