package io.llmgateway.gateway.admission;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** USD booked locally that Redis has not seen yet, per app, day and month; pushed when Redis is back. */
final class UnsyncedSpend {

    record Period(String appId, String dayKey, String monthKey) {
    }

    private final Map<Period, Double> spend = new ConcurrentHashMap<>();

    void add(AdmissionCommand c, double usd) {
        if (usd != 0) {
            spend.merge(new Period(c.appId(), c.budget().dayKey(), c.budget().monthKey()), usd, Double::sum);
        }
    }

    /** Takes everything out (to push); what fails to push is added back. */
    Map<Period, Double> drain() {
        Map<Period, Double> out = new java.util.HashMap<>();
        for (Period p : spend.keySet()) {
            Double v = spend.remove(p);
            if (v != null && v != 0) {
                out.merge(p, v, Double::sum);
            }
        }
        return out;
    }

    void putBack(Period p, double usd) {
        spend.merge(p, usd, Double::sum);
    }

    boolean isEmpty() {
        return spend.isEmpty();
    }
}
