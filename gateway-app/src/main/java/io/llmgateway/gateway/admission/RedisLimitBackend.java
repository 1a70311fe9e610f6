package io.llmgateway.gateway.admission;

import io.llmgateway.policy.Limits;
import java.util.ArrayList;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * Limits and budgets in Redis, shared by every replica: each admission and each settlement is one
 * atomic Lua script over the app's keys (one hash slot per app: {@code {prefix:app}:...}), so N
 * replicas enforce one global limit. Reactive (Lettuce); never blocks.
 */
public final class RedisLimitBackend implements LimitBackend {

    private static final RedisScript ACQUIRE = RedisScript.load("acquire.lua");
    private static final RedisScript SETTLE = RedisScript.load("settle.lua");
    private static final long DAY_TTL_S = 3 * 24 * 3600;
    private static final long MONTH_TTL_S = 62 * 24 * 3600;

    private final RedisConnection redis;
    private final String prefix;

    public RedisLimitBackend(RedisConnection redis, String prefix) {
        this.redis = redis;
        this.prefix = prefix;
    }

    @Override
    public String name() {
        return "redis";
    }

    @Override
    public Mono<Verdict> acquire(AdmissionCommand c) {
        List<String> keys = new ArrayList<>();
        List<String> args = new ArrayList<>(List.of(Long.toString(c.nowMillis()), Long.toString(LocalLimitBackend.WINDOW_MS),
                c.ticketId(), Long.toString(c.tokens()), Long.toString(c.leaseUntilMillis()), Integer.toString(c.scopes().size()),
                limit(c.budget().dailyLimit()), limit(c.budget().monthlyLimit()), Double.toString(c.budget().estimatedCost()),
                Long.toString(DAY_TTL_S), Long.toString(MONTH_TTL_S)));
        for (Scope s : c.scopes()) {
            String base = base(c.appId()) + ":s:" + s.name();
            keys.addAll(List.of(base + ":req", base + ":tok", base + ":amt", base + ":sum", base + ":conc"));
            Limits l = s.limits();
            args.addAll(List.of(Integer.toString(l.rpm()), Long.toString(l.tpm()), Integer.toString(l.concurrency())));
        }
        keys.addAll(budgetKeys(c));
        return redis.commands().flatMap(r -> ACQUIRE.run(r, keys.toArray(String[]::new), args.toArray(String[]::new)))
                .map(out -> verdict(c, out));
    }

    @Override
    public Mono<Void> settle(Settlement s) {
        AdmissionCommand c = s.command();
        List<String> keys = new ArrayList<>();
        for (Scope scope : c.scopes()) {
            String base = base(c.appId()) + ":s:" + scope.name();
            keys.addAll(List.of(base + ":tok", base + ":amt", base + ":sum", base + ":conc"));
        }
        keys.addAll(budgetKeys(c));
        String[] args = {Long.toString(s.nowMillis()), Long.toString(LocalLimitBackend.WINDOW_MS), c.ticketId(),
                Long.toString(s.tokenDelta()), Integer.toString(c.scopes().size()), Double.toString(s.costDelta()),
                Long.toString(DAY_TTL_S), Long.toString(MONTH_TTL_S)};
        return redis.commands().flatMap(r -> SETTLE.run(r, keys.toArray(String[]::new), args)).then();
    }

    /** Whether Redis answers a PING now. */
    Mono<Boolean> ping() {
        return redis.commands().flatMap(r -> r.ping()).map("PONG"::equals);
    }

    /** Adds USD to the app's day and month totals (the spend booked locally while Redis was unreachable). */
    Mono<Void> addSpend(String appId, String dayKey, String monthKey, double usd) {
        String b = base(appId) + ":b:";
        return redis.commands().flatMap(r -> r.incrbyfloat(b + "d:" + dayKey, usd).then(r.incrbyfloat(b + "m:" + monthKey, usd))).then();
    }

    private List<String> budgetKeys(AdmissionCommand c) {
        String b = base(c.appId()) + ":b:";
        return List.of(b + "d:" + c.budget().dayKey(), b + "m:" + c.budget().monthKey());
    }

    private String base(String appId) {
        return "{" + prefix + ":" + appId + "}";
    }

    private static String limit(double usd) {
        return Double.isNaN(usd) ? "-1" : Double.toString(usd);
    }

    private static Verdict verdict(AdmissionCommand c, List<Object> out) {
        String refusal = str(out.get(0));
        List<ScopeUsage> usage = new ArrayList<>(c.scopes().size());
        for (int i = 0; i < c.scopes().size(); i++) {
            int at = 5 + i * 5;
            usage.add(new ScopeUsage(c.scopes().get(i), num(out.get(at)), num(out.get(at + 1)), num(out.get(at + 2)),
                    num(out.get(at + 3)), num(out.get(at + 4))));
        }
        return new Verdict(refusal.isEmpty() ? null : Refusal.valueOf(refusal), (int) num(out.get(1)), num(out.get(2)),
                usage, Double.parseDouble(str(out.get(3))), Double.parseDouble(str(out.get(4))));
    }

    private static String str(Object o) {
        return o == null ? "" : o instanceof byte[] b ? new String(b, java.nio.charset.StandardCharsets.UTF_8) : o.toString();
    }

    private static long num(Object o) {
        return o instanceof Number n ? n.longValue() : Long.parseLong(str(o));
    }
}
