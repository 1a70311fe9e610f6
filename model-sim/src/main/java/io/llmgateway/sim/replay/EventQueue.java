package io.llmgateway.sim.replay;

import java.util.PriorityQueue;

/**
 * Virtual time of one replay: actions run in time order, ties in the order they were scheduled, so a
 * replay is deterministic. Time is milliseconds after the trace's first request; nothing sleeps.
 */
final class EventQueue {

    private record Event(double atMs, long seq, Runnable action) implements Comparable<Event> {
        @Override
        public int compareTo(Event o) {
            int c = Double.compare(atMs, o.atMs);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }

    private final PriorityQueue<Event> events = new PriorityQueue<>();
    private long seq;
    private double now;

    double now() {
        return now;
    }

    /** Runs {@code action} at {@code atMs} (not before now). */
    void at(double atMs, Runnable action) {
        events.add(new Event(Math.max(atMs, now), seq++, action));
    }

    /** Runs every event, including those scheduled by events, until none is left. */
    void run() {
        Event e;
        while ((e = events.poll()) != null) {
            now = e.atMs;
            e.action.run();
        }
    }
}
