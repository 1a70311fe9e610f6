package io.llmgateway.gateway.resilience;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.llmgateway.policy.Deployment;
import io.llmgateway.policy.Policy;
import io.llmgateway.policy.live.CircuitState;
import io.llmgateway.policy.live.CircuitStates;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The guards of every deployment, one Resilience4j registry per concern, instances keyed by deployment
 * id. {@link #configure} applies a new policy: deployments whose settings did not change keep their
 * guard (and so their circuit state and in-flight counts); changed ones get a new guard, removed ones
 * are dropped. Calls already running finish on the guard they started with. As {@link CircuitStates}
 * it tells the planner each deployment's circuit (open: rejected; half-open: the breaker admits its
 * limited probes).
 */
public final class DeploymentGuards implements CircuitStates {

    private final CircuitBreakerRegistry breakers = CircuitBreakerRegistry.ofDefaults();
    private final BulkheadRegistry bulkheads = BulkheadRegistry.ofDefaults();
    private final Map<String, DeploymentGuard> guards = new ConcurrentHashMap<>();
    private final Function<Deployment, ResilienceSettings> settingsOf;
    private final Supplier<Policy> live;
    private volatile Policy configured;

    /**
     * @param settingsOf a deployment's settings
     * @param live       the running policy; when it changes (reload) the guards follow on next use
     */
    public DeploymentGuards(Function<Deployment, ResilienceSettings> settingsOf, Supplier<Policy> live) {
        this.settingsOf = settingsOf;
        this.live = live;
        configure(live.get());
    }

    public CircuitBreakerRegistry circuitBreakers() {
        return breakers;
    }

    public BulkheadRegistry bulkheads() {
        return bulkheads;
    }

    /** Applies a (new) policy; cheap when nothing changed. */
    public synchronized void configure(Policy policy) {
        configured = policy;
        Map<String, DeploymentGuard> next = new HashMap<>();
        for (Deployment d : policy.deployments().values()) {
            ResilienceSettings s = settingsOf.apply(d);
            DeploymentGuard old = guards.get(d.id());
            next.put(d.id(), old != null && old.settings().equals(s) ? old : build(d.id(), s, old));
        }
        for (String id : guards.keySet()) {
            if (!next.containsKey(id)) {
                breakers.remove(id);
                bulkheads.remove(id);
            }
        }
        guards.keySet().retainAll(next.keySet());
        guards.putAll(next);
    }

    /** The guard of a deployment; one with default settings if the policy did not declare it (a reload race). */
    public DeploymentGuard guard(String deploymentId) {
        follow();
        DeploymentGuard g = guards.get(deploymentId);
        if (g != null) {
            return g;
        }
        synchronized (this) {
            return guards.computeIfAbsent(deploymentId, id -> build(id, ResilienceSettings.DEFAULTS, null));
        }
    }

    /** Applies the running policy if it changed since the last call (an identity check otherwise). */
    private void follow() {
        Policy p = live.get();
        if (p != configured && p != null) {
            synchronized (this) {
                if (p != configured) {
                    configure(p);
                }
            }
        }
    }

    private DeploymentGuard build(String id, ResilienceSettings s, DeploymentGuard old) {
        CircuitBreaker breaker = old != null && old.settings().circuitBreaker().equals(s.circuitBreaker())
                ? old.breaker() : replace(id, s.circuitBreaker());
        WaitingRoom room = old != null && old.settings().bulkhead().equals(s.bulkhead())
                ? old.room() : new WaitingRoom(id, replaceBulkhead(id, s.bulkhead()), s.bulkhead());
        return new DeploymentGuard(id, s, breaker, room);
    }

    private CircuitBreaker replace(String id, CircuitBreakerSettings s) {
        breakers.remove(id);
        return breakers.circuitBreaker(id, ResilienceConfigs.circuitBreaker(s));
    }

    private Bulkhead replaceBulkhead(String id, BulkheadSettings s) {
        bulkheads.remove(id);
        return bulkheads.bulkhead(id, ResilienceConfigs.bulkhead(s));
    }

    /** The deployment's circuit; CLOSED for a deployment not seen yet. */
    @Override
    public CircuitState of(String deploymentId) {
        follow();
        DeploymentGuard g = guards.get(deploymentId);
        return g == null ? CircuitState.CLOSED : map(g.breaker().getState());
    }

    @Override
    public int waiting(String deploymentId) {
        DeploymentGuard g = guards.get(deploymentId);
        return g == null ? 0 : g.room().waiting();
    }

    /** Every known deployment's circuit, at this moment (admin and status pages). */
    public Map<String, CircuitState> snapshot() {
        Map<String, CircuitState> out = new HashMap<>();
        guards.forEach((id, g) -> out.put(id, map(g.breaker().getState())));
        return Map.copyOf(out);
    }

    private static CircuitState map(CircuitBreaker.State s) {
        return switch (s) {
            case OPEN, FORCED_OPEN -> CircuitState.OPEN;
            case HALF_OPEN -> CircuitState.HALF_OPEN;
            default -> CircuitState.CLOSED;
        };
    }
}
