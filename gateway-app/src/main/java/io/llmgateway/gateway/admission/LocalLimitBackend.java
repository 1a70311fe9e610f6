package io.llmgateway.gateway.admission;

import io.llmgateway.policy.Limits;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * Limits and budgets in this process: exact sliding one-minute windows, concurrency leases and the
 * budget book, all decided under one lock (microseconds; no I/O inside). The default with one replica,
 * and the fallback while Redis is unreachable.
 */
public final class LocalLimitBackend implements LimitBackend {

    static final long WINDOW_MS = 60_000;

    private final Map<String, ScopeState> scopes = new HashMap<>();
    private final BudgetBook budgets = new BudgetBook();

    private static final class ScopeState {
        final SlidingLog requests = new SlidingLog(WINDOW_MS);
        final SlidingLog tokens = new SlidingLog(WINDOW_MS);
        final Map<String, Long> leases = new HashMap<>();
        /** Earliest lease expiry: leases are scanned only when one can have expired, not on every admission. */
        long earliestLeaseExpiry = Long.MAX_VALUE;

        void purge(long now) {
            requests.purge(now);
            tokens.purge(now);
            if (now >= earliestLeaseExpiry) {
                leases.values().removeIf(until -> until <= now);
                earliestLeaseExpiry = leases.values().stream().mapToLong(Long::longValue).min().orElse(Long.MAX_VALUE);
            }
        }

        void lease(String ticketId, long until) {
            leases.put(ticketId, until);
            earliestLeaseExpiry = Math.min(earliestLeaseExpiry, until);
        }
    }

    BudgetBook budgets() {
        return budgets;
    }

    @Override
    public Mono<Verdict> acquire(AdmissionCommand command) {
        return Mono.fromSupplier(() -> decide(command));
    }

    @Override
    public Mono<Void> settle(Settlement settlement) {
        return Mono.fromRunnable(() -> apply(settlement));
    }

    @Override
    public String name() {
        return "local";
    }

    synchronized Verdict decide(AdmissionCommand c) {
        long now = c.nowMillis();
        Refusal refusal = null;
        int refusedScope = -1;
        long wait = 0;
        List<ScopeState> states = new ArrayList<>(c.scopes().size());
        for (int i = 0; i < c.scopes().size(); i++) {
            ScopeState st = scopes.computeIfAbsent(c.appId() + "|" + c.scopes().get(i).name(), k -> new ScopeState());
            st.purge(now);
            states.add(st);
            if (refusal != null) {
                continue;
            }
            Limits l = c.scopes().get(i).limits();
            long reqs = st.requests.sum();
            long toks = st.tokens.sum();
            if (l.rpm() > 0 && reqs + 1 > l.rpm()) {
                refusal = Refusal.RPM;
                wait = st.requests.waitFor(reqs + 1 - l.rpm(), now);
            } else if (l.tpm() > 0 && c.tokens() > l.tpm()) {
                refusal = Refusal.TOO_LARGE;
            } else if (l.tpm() > 0 && toks + c.tokens() > l.tpm()) {
                refusal = Refusal.TPM;
                wait = st.tokens.waitFor(toks + c.tokens() - l.tpm(), now);
            } else if (l.concurrency() > 0 && st.leases.size() + 1 > l.concurrency()) {
                refusal = Refusal.CONCURRENCY;
                wait = 1000;
            }
            refusedScope = refusal != null ? i : -1;
        }
        BudgetCheck b = c.budget();
        double day = budgets.get(c.appId(), BudgetBook.day(b));
        double month = budgets.get(c.appId(), BudgetBook.month(b));
        if (refusal == null && b.any()) {
            refusal = b.check(day, month);
        }
        if (refusal == null) {
            for (int i = 0; i < states.size(); i++) {
                book(states.get(i), c.scopes().get(i).limits(), c);
            }
            if (b.estimatedCost() != 0) {
                budgets.retainOnly(BudgetBook.day(b), BudgetBook.month(b));
                day = budgets.add(c.appId(), BudgetBook.day(b), b.estimatedCost());
                month = budgets.add(c.appId(), BudgetBook.month(b), b.estimatedCost());
            }
        }
        List<ScopeUsage> usage = new ArrayList<>(states.size());
        for (int i = 0; i < states.size(); i++) {
            ScopeState st = states.get(i);
            usage.add(new ScopeUsage(c.scopes().get(i), st.requests.sum(), st.tokens.sum(), st.leases.size(),
                    st.requests.resetIn(now), st.tokens.resetIn(now)));
        }
        return new Verdict(refusal, refusedScope, wait, usage, day, month);
    }

    private static void book(ScopeState st, Limits l, AdmissionCommand c) {
        st.requests.add(c.ticketId(), c.nowMillis(), 1);
        if (c.tokens() > 0) {
            st.tokens.add(c.ticketId(), c.nowMillis(), c.tokens());
        }
        if (l.concurrency() > 0) {
            st.lease(c.ticketId(), c.leaseUntilMillis());
        }
    }

    synchronized void apply(Settlement s) {
        AdmissionCommand c = s.command();
        for (Scope scope : c.scopes()) {
            ScopeState st = scopes.get(c.appId() + "|" + scope.name());
            if (st != null) {
                st.tokens.adjust(c.ticketId(), s.tokenDelta(), s.nowMillis());
                st.leases.remove(c.ticketId());
            }
        }
        if (s.costDelta() != 0) {
            budgets.add(c.appId(), BudgetBook.day(c.budget()), s.costDelta());
            budgets.add(c.appId(), BudgetBook.month(c.budget()), s.costDelta());
        }
    }
}
