package io.llmgateway.gateway.admission;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Amounts booked in the last window, oldest first (requests: 1 each; tokens: the reservation). Exact:
 * what the window holds is what was booked in the last {@code window} ms, so a limit of N per minute is
 * never exceeded in any minute. Not thread-safe; the local backend locks around it.
 */
final class SlidingLog {

    private final long windowMs;
    private final Deque<Entry> entries = new ArrayDeque<>();
    private final Map<String, Entry> byId = new HashMap<>();
    private long sum;

    SlidingLog(long windowMs) {
        this.windowMs = windowMs;
    }

    private static final class Entry {
        final String id;
        final long at;
        long amount;

        Entry(String id, long at, long amount) {
            this.id = id;
            this.at = at;
            this.amount = amount;
        }
    }

    void purge(long now) {
        while (!entries.isEmpty() && entries.peekFirst().at <= now - windowMs) {
            Entry e = entries.pollFirst();
            byId.remove(e.id);
            sum -= e.amount;
        }
    }

    long sum() {
        return sum;
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }

    void add(String id, long now, long amount) {
        Entry e = new Entry(id, now, amount);
        entries.addLast(e);
        byId.put(id, e);
        sum += amount;
    }

    /** Adjusts a booking to its real amount; if it already left the window, books only the excess, now. */
    void adjust(String id, long delta, long now) {
        Entry e = byId.get(id);
        if (e != null && e.at > now - windowMs) {
            e.amount += delta;
            sum += delta;
        } else if (delta > 0) {
            add(id + ":late", now, delta);
        }
    }

    /** Milliseconds until at least {@code need} has left the window. */
    long waitFor(long need, long now) {
        long freed = 0;
        for (Iterator<Entry> it = entries.iterator(); it.hasNext(); ) {
            Entry e = it.next();
            freed += e.amount;
            if (freed >= need) {
                return Math.max(1, e.at + windowMs - now);
            }
        }
        return windowMs;
    }

    /** Milliseconds until the window is empty. */
    long resetIn(long now) {
        return entries.isEmpty() ? 0 : Math.max(0, entries.peekLast().at + windowMs - now);
    }
}
