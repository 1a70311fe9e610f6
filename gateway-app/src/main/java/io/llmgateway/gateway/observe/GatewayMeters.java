package io.llmgateway.gateway.observe;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleSupplier;

/**
 * The one catalogue of the gateway's own meters outside the per-request family that
 * {@link MetricsObserver} records. Every feature emits through these methods so names and tags stay
 * in one place (docs/operations.md lists them). Tag values must come from the policy or a fixed set
 * (app, deployment, rule, detector, reason codes): never request ids, keys or user text.
 * Names are Micrometer names; Prometheus shows dots as underscores, counters with {@code _total}.
 */
public final class GatewayMeters {

    /** Route outcomes, one per request that reached planning. */
    public static final String SERVED = "served";
    public static final String FAILED_OVER = "failed_over";
    public static final String REFUSED = "refused";
    public static final String FAILED = "failed";
    public static final String CANCELLED = "cancelled";

    private static final int MAX_TAG_LENGTH = 64;

    private final MeterRegistry registry;
    private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> queued = new ConcurrentHashMap<>();

    private final MeterFamily<Counter> routeDecisions;
    private final MeterFamily<Counter> routeOutcomes;
    private final MeterFamily<Counter> rejections;
    private final MeterFamily<Counter> dataClasses;
    private final MeterFamily<Counter> detectorHits;
    private final MeterFamily<Counter> refusedSensitive;
    private final MeterFamily<Counter> redactions;
    private final MeterFamily<Timer> sensitivityScans;
    private final MeterFamily<Counter> admissionRejections;

    public GatewayMeters(MeterRegistry registry) {
        this.registry = registry;
        this.routeDecisions = MeterFamily.counter(registry, "gateway.route.decisions", "rule", "outcome");
        this.routeOutcomes = MeterFamily.counter(registry, "gateway.route.outcomes", "rule", "outcome", "reason");
        this.rejections = MeterFamily.counter(registry, "gateway.route.rejections", "deployment", "reason");
        this.dataClasses = MeterFamily.counter(registry, "gateway.data.class.requests", "app", "data_class");
        this.detectorHits = MeterFamily.counter(registry, "gateway.sensitivity.detector.hits", "detector");
        this.refusedSensitive = MeterFamily.counter(registry, "gateway.sensitivity.refused", "app", "data_class");
        this.redactions = MeterFamily.counter(registry, "gateway.sensitivity.redactions", "app", "detector");
        this.sensitivityScans = new MeterFamily<>(t -> Timer.builder("gateway.sensitivity.scan")
                .description("Sensitivity classification per request").tags(t)
                .serviceLevelObjectives(Duration.ofNanos(100_000), Duration.ofMillis(1), Duration.ofMillis(5),
                        Duration.ofMillis(25), Duration.ofMillis(100), Duration.ofMillis(250))
                .register(registry), "outcome");
        this.admissionRejections = MeterFamily.counter(registry, "gateway.admission.rejections", "app", "reason");
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** {@code gateway.route.decisions{rule,outcome}}: the planner's decision (routed, data_class_zone, refused_by_rule...). */
    public void routeDecision(String rule, String planOutcome) {
        routeDecisions.get(tag(rule), tag(planOutcome)).increment();
    }

    /**
     * {@code gateway.route.outcomes{rule,outcome,reason}}: how a planned request ended: served, failed_over,
     * refused, failed, cancelled; reason = the error code ({@code none} when served). Recorded by MetricsObserver.
     */
    public void routeOutcome(String rule, String outcome, String reason) {
        routeOutcomes.get(tag(rule), tag(outcome), tag(reason)).increment();
    }

    /** {@code gateway.route.rejections{deployment,reason}}: a candidate the planner ruled out (zone, context, circuit_open, saturated, budget...). */
    public void rejection(String deployment, String reasonCode) {
        rejections.get(tag(deployment), tag(reasonCode)).increment();
    }

    /** {@code gateway.data.class.requests{app,data_class}}: effective data class, once per classified request. */
    public void dataClass(String app, String dataClass) {
        dataClasses.get(tag(app), tag(dataClass)).increment();
    }

    /** {@code gateway.sensitivity.detector.hits{detector}}: requests in which a detector fired (not the count of matches). */
    public void detectorHit(String detector) {
        detectorHits.get(tag(detector)).increment();
    }

    /**
     * {@code gateway.sensitivity.refused{app,data_class}}: requests refused because no permitted zone could serve
     * their data class (error code {@code data_class_requires_private_backend}); recorded by MetricsObserver.
     */
    public void refusedSensitive(String app, String dataClass) {
        refusedSensitive.get(tag(app), tag(dataClass)).increment();
    }

    /** {@code gateway.sensitivity.redactions{app,detector}}: findings masked instead of forcing a private backend. */
    public void redaction(String app, String detector) {
        redactions.get(tag(app), tag(detector)).increment();
    }

    /**
     * {@code gateway.sensitivity.scan{outcome}}: time the classifier took per request; outcome = complete, or why the
     * scan was incomplete (size_cap, deadline, regex_budget, detector_failed, failed), which made the request most sensitive.
     */
    public void sensitivityScan(String outcome, long nanos) {
        sensitivityScans.get(tag(outcome)).record(nanos, TimeUnit.NANOSECONDS);
    }

    /** {@code gateway.admission.rejections{app,reason}}: rate_limited, tokens, concurrency, budget, queue_full... */
    public void admissionRejected(String app, String reasonCode) {
        admissionRejections.get(tag(app), tag(reasonCode)).increment();
    }

    /** Gauge {@code gateway.limit.headroom{app,limit}}: fraction (0..1) of an app's per-minute limit still free (limit: rpm, tpm). */
    public void limiterHeadroom(String app, String limit, DoubleSupplier fractionFree) {
        Gauge.builder("gateway.limit.headroom", fractionFree::getAsDouble)
                .tags(Tags.of("app", tag(app), "limit", tag(limit))).register(registry);
    }

    /** Gauge {@code gateway.budget.used.ratio{app,period}}: spend / budget (period: daily, monthly); 1 = hard limit. */
    public void budgetUsed(String app, String period, DoubleSupplier ratio) {
        Gauge.builder("gateway.budget.used.ratio", ratio::getAsDouble)
                .tags(Tags.of("app", tag(app), "period", tag(period))).register(registry);
    }

    /** Gauge {@code gateway.budget.soft.ratio{app,period}}: the app's soft threshold ({@code soft-percent} / 100), for alerts. */
    public void budgetSoftThreshold(String app, String period, DoubleSupplier ratio) {
        Gauge.builder("gateway.budget.soft.ratio", ratio::getAsDouble)
                .tags(Tags.of("app", tag(app), "period", tag(period))).register(registry);
    }

    /**
     * Gauge {@code gateway.deployment.in.flight{deployment}}: upstream exchanges in progress. Maintained by
     * {@link InFlightObserver} from the call attempt events; others only read it.
     */
    public AtomicInteger inFlight(String deployment) {
        return inFlight.computeIfAbsent(tag(deployment), d -> gauge("gateway.deployment.in.flight", d));
    }

    /** Gauge {@code gateway.deployment.queue{deployment}}: requests waiting for a slot (bulkhead waiting room). */
    public AtomicInteger queued(String deployment) {
        return queued.computeIfAbsent(tag(deployment), d -> gauge("gateway.deployment.queue", d));
    }

    /** {@code gateway.policy.reloads{outcome}}: ok or refused. */
    public void policyReload(String outcome) {
        registry.counter("gateway.policy.reloads", "outcome", tag(outcome)).increment();
    }

    /** {@code gateway.ledger.records{outcome}}: written (to the database), spooled (to disk), replayed (spool to database). */
    public void ledger(String outcome, long n) {
        registry.counter("gateway.ledger.records", "outcome", tag(outcome)).increment(n);
    }

    /**
     * Registers the series dashboards and alerts expect even before their first event, at zero: policy
     * reloads (ok, refused), ledger outcomes, and in-flight / queue gauges of every deployment.
     */
    public void preregister(Iterable<String> deploymentIds) {
        for (String outcome : new String[] {"ok", "refused"}) {
            registry.counter("gateway.policy.reloads", "outcome", outcome);
        }
        for (String outcome : new String[] {"written", "spooled", "replayed"}) {
            registry.counter("gateway.ledger.records", "outcome", outcome);
        }
        for (String d : deploymentIds) {
            inFlight(d);
            queued(d);
        }
    }

    private AtomicInteger gauge(String name, String deployment) {
        AtomicInteger value = new AtomicInteger();
        Gauge.builder(name, value, AtomicInteger::get).tag("deployment", deployment).strongReference(true).register(registry);
        return value;
    }

    /** A tag value: null or blank -> {@code none}, capped in length. */
    static String tag(String value) {
        if (value == null || value.isBlank()) {
            return "none";
        }
        String v = value.strip();
        return v.length() > MAX_TAG_LENGTH ? v.substring(0, MAX_TAG_LENGTH) : v;
    }
}
