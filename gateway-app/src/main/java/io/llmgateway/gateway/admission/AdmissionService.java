package io.llmgateway.gateway.admission;

import io.llmgateway.adapter.schema.Usage;
import io.llmgateway.gateway.ledger.TimeOrderedIds;
import io.llmgateway.gateway.observe.CallObserver;
import io.llmgateway.gateway.proxy.CallContext;
import io.llmgateway.policy.App;
import io.llmgateway.policy.Budget;
import io.llmgateway.policy.Deployment;
import io.llmgateway.policy.Limits;
import io.micrometer.core.instrument.MeterRegistry;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Admission per app and per app+model: requests and tokens per minute (the reservation is the
 * estimated prompt plus {@code max_tokens}, or the configured default), concurrency, and daily/monthly
 * budgets. Runs after planning and before execution. Every admitted call is settled exactly once when
 * it ends ({@link #settle}): its reservation becomes the real usage and cost, and its concurrency slot
 * is freed, whether it succeeded, failed or the client went away. As a {@link CallObserver} placed
 * after the costing observer it settles each call when the call is reported finished.
 */
public final class AdmissionService implements CallObserver {

    private static final Logger log = LoggerFactory.getLogger(AdmissionService.class);
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM");
    /**
     * Ticket ids (members of the limit windows, here and in Redis) must not collide across replicas: a random
     * 48-bit prefix drawn once per process, then a counter. Drawing 96 random bits per request from a shared
     * {@link SecureRandom} read /dev/urandom under a lock on every admission.
     */
    private static final long TICKET_PREFIX = new SecureRandom().nextLong() & 0xFFFF_FFFF_FFFFL;
    private static final AtomicLong TICKETS = new AtomicLong();

    private final LimitBackend backend;
    private final AdmissionProperties props;
    private final Clock clock;
    private final BudgetAlerts alerts;
    private final AdmissionGauges gauges;
    private final Map<CallContext, AdmissionCommand> open = new ConcurrentHashMap<>();

    public AdmissionService(LimitBackend backend, AdmissionProperties props, Clock clock, MeterRegistry registry,
                            AdmissionGauges gauges) {
        this.backend = backend;
        this.props = props;
        this.clock = clock;
        this.alerts = new BudgetAlerts(registry);
        this.gauges = gauges;
    }

    public LimitBackend backend() {
        return backend;
    }

    /**
     * @param maxTokens  the request's {@code max_tokens} (0 when absent)
     * @param candidates the planned deployments (their prices size the cost reservation)
     */
    public Mono<Admission> admit(App app, String alias, CallContext call, int maxTokens, List<Deployment> candidates) {
        List<Scope> scopes = scopes(app, alias);
        Budget budget = app.budget();
        if (scopes.isEmpty() && !budget.hasDaily() && !budget.hasMonthly()) {
            gauges.unlimited(app.id());
            return Mono.just(Admission.UNLIMITED);
        }
        long output = maxTokens > 0 ? maxTokens : props.defaultMaxTokens();
        long now = clock.millis();
        ZonedDateTime at = Instant.ofEpochMilli(now).atZone(props.budgetZone());
        BudgetCheck check = new BudgetCheck(DAY.format(at), MONTH.format(at), budget.daily(), budget.monthly(),
                CostEstimate.of(candidates, call.promptEstimate(), output));
        AdmissionCommand cmd = new AdmissionCommand(app.id(), ticketId(), scopes, call.promptEstimate() + output, check,
                now, now + props.leaseTime().toMillis());
        return backend.acquire(cmd).map(v -> {
            alerts.observe(app.id(), budget, check, v);
            gauges.observe(budget, cmd, v);
            Map<String, String> headers = RateLimitHeaders.of(v);
            if (!v.admitted()) {
                return new Admission(RefusalErrors.of(cmd, v, untilReset(at, v.refusal())), headers);
            }
            open.put(call, cmd);
            return new Admission(null, headers);
        });
    }

    @Override
    public void completed(CallContext call) {
        settle(call);
    }

    /**
     * Reconciles the call's reservation with what it used; call once when the call has ended and its
     * cost is known. A call that was never admitted (or had nothing to limit) is ignored.
     */
    public void settle(CallContext call) {
        AdmissionCommand cmd = open.remove(call);
        if (cmd == null) {
            return;
        }
        backend.settle(new Settlement(cmd, usedTokens(call), call.costUsd(), clock.millis()))
                .subscribe(null, e -> log.warn("could not settle admission of request {} on {}: {}",
                        call.requestId(), backend.name(), e.toString()));
    }

    /** Calls admitted and not yet settled (for tests and the status page). */
    public int open() {
        return open.size();
    }

    /** Real tokens; if the upstream was reached but reported nothing (cancelled non-stream), the prompt estimate. */
    static long usedTokens(CallContext call) {
        Usage u = call.usage();
        if (u != null) {
            return u.promptTokens() + u.completionTokens();
        }
        return call.reachedUpstream() ? call.promptEstimate() : 0;
    }

    private static List<Scope> scopes(App app, String alias) {
        List<Scope> out = new ArrayList<>(2);
        Limits overall = app.limits().overall();
        if (!overall.unlimited()) {
            out.add(new Scope("app", overall));
        }
        Limits model = app.limits().forModel(alias);
        if (!model.unlimited()) {
            out.add(new Scope("model:" + alias, model));
        }
        return out;
    }

    private static Duration untilReset(ZonedDateTime at, Refusal refusal) {
        ZonedDateTime next = refusal == Refusal.BUDGET_MONTHLY
                ? at.toLocalDate().withDayOfMonth(1).plusMonths(1).atStartOfDay(at.getZone())
                : at.toLocalDate().plusDays(1).atStartOfDay(at.getZone());
        return Duration.between(at, next);
    }

    static String ticketId() {
        return TimeOrderedIds.hex96(TICKET_PREFIX, TICKETS.getAndIncrement());
    }
}
