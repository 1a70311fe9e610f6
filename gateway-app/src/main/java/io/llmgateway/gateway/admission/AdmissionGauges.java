package io.llmgateway.gateway.admission;

import io.llmgateway.gateway.observe.GatewayMeters;
import io.llmgateway.policy.App;
import io.llmgateway.policy.Budget;
import io.llmgateway.policy.Limits;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where each app stands against its limits and budgets, as gauges: {@code gateway.limit.headroom{app,limit}}
 * (share of the app's overall requests / tokens per minute still free: 1 = nothing used, 0 = the next request
 * is refused) and {@code gateway.budget.used.ratio{app,period}} (booked spend / daily or monthly budget), with
 * {@code gateway.budget.soft.ratio{app,period}} (the app's {@code soft-percent} / 100) for alerting. Series
 * exist only for apps of the policy that have such a limit or budget: registered at start, and when an app is
 * first admitted after a reload, so cardinality is bounded by the policy.
 * <p>
 * Values are what this replica's last admission decision for the app saw (with Redis: the shared totals),
 * read without I/O: a window that has emptied since reads as full headroom, a budget day or month that has
 * ended since as nothing spent. Limits and budgets removed by a reload read NaN.
 */
public final class AdmissionGauges {

    private final GatewayMeters meters;
    private final Clock clock;
    private final ZoneId budgetZone;
    private final Map<String, View> apps = new ConcurrentHashMap<>();

    /** The app's overall window after a decision; {@code clearAt} = when it is empty again (epoch ms). */
    private record Window(long requests, long tokens, Limits limits, long requestsClearAt, long tokensClearAt) {
    }

    /** Booked spend of a day and month, with the budgets it is measured against (NaN = none). */
    private record Spend(String dayKey, String monthKey, double day, double month, double dailyLimit, double monthlyLimit) {
    }

    private static final class View {
        volatile Window window;
        volatile Spend spend;
        volatile double softRatio;
        final Set<String> registered = ConcurrentHashMap.newKeySet();
    }

    AdmissionGauges(GatewayMeters meters, Clock clock, ZoneId budgetZone) {
        this.meters = meters;
        this.clock = clock;
        this.budgetZone = budgetZone;
    }

    /** Registers the series of every app with an overall rpm / tpm limit or a budget, nothing used yet. */
    void register(Iterable<App> policyApps) {
        for (App app : policyApps) {
            View v = view(app.id());
            Limits l = app.limits().overall();
            v.window = new Window(0, 0, l, 0, 0);
            Budget b = app.budget();
            v.spend = new Spend("", "", 0, 0, b.daily(), b.monthly());
            v.softRatio = b.softPercent() / 100.0;
            registerSeries(app.id(), v);
        }
    }

    /** Takes in one admission decision (admitted or refused) of an app with the given budget. */
    void observe(Budget budget, AdmissionCommand c, Verdict verdict) {
        View v = view(c.appId());
        v.softRatio = budget.softPercent() / 100.0;
        for (ScopeUsage u : verdict.usage()) {
            if (u.scope().name().equals("app")) {
                v.window = new Window(u.requests(), u.tokens(), u.scope().limits(),
                        c.nowMillis() + u.resetRequestsMs(), c.nowMillis() + u.resetTokensMs());
            }
        }
        if (v.window != null && c.scopes().stream().noneMatch(s -> s.name().equals("app"))) {
            v.window = new Window(0, 0, Limits.NONE, 0, 0); // the overall limit was removed by a reload
        }
        BudgetCheck b = c.budget();
        v.spend = new Spend(b.dayKey(), b.monthKey(), verdict.spentDay(), verdict.spentMonth(), b.dailyLimit(), b.monthlyLimit());
        registerSeries(c.appId(), v);
    }

    /** An app admitted without any check (a reload removed its limits and budget): its series read NaN. */
    void unlimited(String app) {
        View v = apps.get(app);
        if (v != null && !v.registered.isEmpty() && v.spend != null) {
            v.window = new Window(0, 0, Limits.NONE, 0, 0);
            v.spend = null;
        }
    }

    /** Share of the limit ({@code rpm} or {@code tpm}) still free in the current minute; NaN without that limit. */
    double headroom(String app, String limit) {
        View v = apps.get(app);
        Window w = v == null ? null : v.window;
        if (w == null) {
            return Double.NaN;
        }
        long now = clock.millis();
        boolean rpm = limit.equals("rpm");
        double max = rpm ? w.limits().rpm() : w.limits().tpm();
        if (max <= 0) {
            return Double.NaN;
        }
        long used = rpm ? (now >= w.requestsClearAt() ? 0 : w.requests()) : (now >= w.tokensClearAt() ? 0 : w.tokens());
        return Math.max(0, Math.min(1, 1 - used / max));
    }

    /** Spend / budget of the current {@code daily} or {@code monthly} period; NaN without that budget. */
    double budgetUsed(String app, String period) {
        View v = apps.get(app);
        Spend s = v == null ? null : v.spend;
        if (s == null) {
            return Double.NaN;
        }
        ZonedDateTime now = clock.instant().atZone(budgetZone);
        boolean daily = period.equals("daily");
        double limit = daily ? s.dailyLimit() : s.monthlyLimit();
        if (Double.isNaN(limit)) {
            return Double.NaN;
        }
        String current = daily ? AdmissionService.DAY.format(now) : AdmissionService.MONTH.format(now);
        boolean same = current.equals(daily ? s.dayKey() : s.monthKey());
        return same ? (daily ? s.day() : s.month()) / limit : 0;
    }

    private View view(String app) {
        return apps.computeIfAbsent(app, a -> new View());
    }

    private void registerSeries(String app, View v) {
        Window w = v.window;
        if (w != null && w.limits().rpm() > 0 && v.registered.add("rpm")) {
            meters.limiterHeadroom(app, "rpm", () -> headroom(app, "rpm"));
        }
        if (w != null && w.limits().tpm() > 0 && v.registered.add("tpm")) {
            meters.limiterHeadroom(app, "tpm", () -> headroom(app, "tpm"));
        }
        Spend s = v.spend;
        for (String period : new String[] {"daily", "monthly"}) {
            double limit = s == null ? Double.NaN : period.equals("daily") ? s.dailyLimit() : s.monthlyLimit();
            if (!Double.isNaN(limit) && v.registered.add(period)) {
                meters.budgetUsed(app, period, () -> budgetUsed(app, period));
                meters.budgetSoftThreshold(app, period, () -> apps.get(app).softRatio);
            }
        }
    }
}
