package io.llmgateway.gateway.admission;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Redis when it answers, local limits when it does not. While Redis is unreachable each replica
 * enforces its share of every limit ({@code limit / gateway.admission.replicas}, rounded up) and of
 * what is left of each budget, starting from the spend Redis last reported; it logs once per
 * transition and shows {@code gateway.admission.backend{state="local"} 1}. A probe pings Redis every
 * {@code probe-interval}; when it answers, the spend booked locally and the settlements that could not
 * reach Redis are pushed, then admission switches back.
 */
public final class FailoverLimitBackend implements LimitBackend {

    private static final Logger log = LoggerFactory.getLogger(FailoverLimitBackend.class);
    private static final int MAX_PENDING = 100_000;

    private final RedisLimitBackend redis;
    private final LocalLimitBackend local;
    private final FailoverSettings settings;
    private final AtomicBoolean onRedis = new AtomicBoolean(true);
    private final AtomicBoolean probing = new AtomicBoolean();
    private final Set<String> localTickets = ConcurrentHashMap.newKeySet();
    private final Queue<Settlement> pending = new ConcurrentLinkedQueue<>();
    private final AtomicInteger pendingCount = new AtomicInteger();
    private final UnsyncedSpend unsynced = new UnsyncedSpend();

    /**
     * @param replicas      gateway replicas sharing the limits (each takes this share while on local limits)
     * @param timeout       longest wait for Redis before an admission falls back to local limits
     * @param probeInterval how often to check whether Redis is back
     */
    public record FailoverSettings(int replicas, Duration timeout, Duration probeInterval) {
    }

    public FailoverLimitBackend(RedisLimitBackend redis, LocalLimitBackend local, FailoverSettings settings, MeterRegistry registry) {
        this.redis = redis;
        this.local = local;
        this.settings = settings;
        Gauge.builder("gateway.admission.backend", () -> onRedis.get() ? 1 : 0).tag("state", "redis")
                .description("1 when admission uses this backend").register(registry);
        Gauge.builder("gateway.admission.backend", () -> onRedis.get() ? 0 : 1).tag("state", "local")
                .description("1 when admission uses this backend").register(registry);
        redis.ping().subscribe(ok -> { }, e -> { }); // connect now: the first connection of a JVM takes seconds
    }

    @Override
    public String name() {
        return onRedis.get() ? "redis" : "local";
    }

    public boolean onRedis() {
        return onRedis.get();
    }

    @Override
    public Mono<Verdict> acquire(AdmissionCommand c) {
        if (!onRedis.get()) {
            return Mono.fromSupplier(() -> acquireLocally(c));
        }
        return redis.acquire(c).timeout(settings.timeout())
                .doOnNext(v -> mirror(c, v))
                .onErrorResume(e -> {
                    toLocal(e);
                    return Mono.fromSupplier(() -> acquireLocally(c));
                });
    }

    @Override
    public Mono<Void> settle(Settlement s) {
        if (localTickets.remove(s.command().ticketId())) {
            local.apply(s);
            unsynced.add(s.command(), s.costDelta());
            return onRedis.get() ? pushSpend().then() : Mono.empty();
        }
        if (!onRedis.get()) {
            queue(s);
            return Mono.empty();
        }
        return redis.settle(s).timeout(settings.timeout()).onErrorResume(e -> {
            toLocal(e);
            queue(s);
            return Mono.empty();
        });
    }

    private Verdict acquireLocally(AdmissionCommand c) {
        BudgetBook book = local.budgets();
        double day = book.get(c.appId(), BudgetBook.day(c.budget()));
        double month = book.get(c.appId(), BudgetBook.month(c.budget()));
        Verdict v = local.decide(c.share(settings.replicas(), day, month));
        if (v.admitted()) {
            localTickets.add(c.ticketId());
            unsynced.add(c, c.budget().estimatedCost());
        }
        return v;
    }

    /** Keeps the local book at the shared totals, so a switch to local limits starts from them. */
    private void mirror(AdmissionCommand c, Verdict v) {
        if (c.budget().any()) {
            local.budgets().set(c.appId(), BudgetBook.day(c.budget()), v.spentDay());
            local.budgets().set(c.appId(), BudgetBook.month(c.budget()), v.spentMonth());
        }
    }

    private void queue(Settlement s) {
        if (pendingCount.incrementAndGet() <= MAX_PENDING) {
            pending.add(s);
        } else {
            pendingCount.decrementAndGet();
        }
    }

    private void toLocal(Throwable e) {
        if (onRedis.compareAndSet(true, false)) {
            log.warn("Redis is unreachable ({}); admission continues on local limits (this replica's share: 1/{})",
                    e.toString(), settings.replicas());
        }
        probe();
    }

    private void probe() {
        if (probing.compareAndSet(false, true)) {
            probeLater();
        }
    }

    /** One probe after the interval; again after the next interval until Redis answers and the resync succeeds. */
    private void probeLater() {
        Mono.delay(settings.probeInterval())
                .then(Mono.defer(redis::ping).timeout(settings.timeout()).onErrorReturn(false))
                .flatMap(ok -> ok ? resync() : Mono.just(false))
                .onErrorReturn(false)
                .subscribe(ok -> {
                    if (ok) {
                        probing.set(false);
                    } else {
                        probeLater();
                    }
                });
    }

    private Mono<Boolean> resync() {
        int settlements = pendingCount.get();
        return pushSpend()
                .flatMap(spendOk -> Flux.fromIterable(drainPending())
                        .concatMap(st -> redis.settle(st).timeout(settings.timeout()).thenReturn(true)
                                .onErrorResume(e -> {
                                    queue(st);
                                    return Mono.just(false);
                                }))
                        .all(ok -> ok)
                        .map(ok -> ok && spendOk))
                .doOnNext(ok -> {
                    if (ok) {
                        onRedis.set(true);
                        log.info("Redis is reachable again; admission is back on shared limits ({} settlements resynced)",
                                settlements);
                    }
                });
    }

    /** Pushes the spend booked locally to Redis; what fails is kept for the next try. */
    private Mono<Boolean> pushSpend() {
        return Flux.fromIterable(unsynced.drain().entrySet())
                .concatMap(en -> redis.addSpend(en.getKey().appId(), en.getKey().dayKey(), en.getKey().monthKey(), en.getValue())
                        .timeout(settings.timeout()).thenReturn(true)
                        .onErrorResume(e -> {
                            unsynced.putBack(en.getKey(), en.getValue());
                            return Mono.just(false);
                        }))
                .all(ok -> ok);
    }

    private java.util.List<Settlement> drainPending() {
        java.util.List<Settlement> out = new java.util.ArrayList<>();
        for (Settlement s; (s = pending.poll()) != null; ) {
            pendingCount.decrementAndGet();
            out.add(s);
        }
        return out;
    }
}
