package io.llmgateway.sim;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.scheduler.Schedulers;

/**
 * Switches a node's faults at run time; the same operations as {@code POST/GET/DELETE /admin/faults}.
 * A new config applies to requests that arrive afterwards. {@code down} closes the listening socket and
 * all open connections (clients see connection refused) until {@link #up()} or {@code down_for_ms} passes.
 * Methods that go down or up block briefly; do not call them on an event-loop thread.
 */
public final class FaultController {
    private static final Logger log = LoggerFactory.getLogger(FaultController.class);

    /** The node's listening socket, as the controller needs it. */
    interface Listener {
        void close();

        void open();
    }

    private final String nodeId;
    private final Listener listener;
    private volatile FaultConfig current = FaultConfig.none();
    private boolean listenerDown;
    private Disposable scheduledUp;

    FaultController(String nodeId, Listener listener) {
        this.nodeId = nodeId;
        this.listener = listener;
    }

    /** The config applied to the next request. */
    public FaultConfig current() {
        return current;
    }

    /** Replaces the whole fault config (closing or reopening the socket when {@code down} changes). */
    public synchronized void set(FaultConfig config) {
        if (scheduledUp != null) {
            scheduledUp.dispose();
            scheduledUp = null;
        }
        current = config;
        if (config.down() && !listenerDown) {
            listener.close();
            listenerDown = true;
            log.info("node {}: down{}", nodeId, config.downForMs() > 0 ? " for " + config.downForMs() + " ms" : "");
        } else if (!config.down() && listenerDown) {
            listener.open();
            listenerDown = false;
            log.info("node {}: up", nodeId);
        }
        if (config.down() && config.downForMs() > 0) {
            scheduledUp = Schedulers.boundedElastic().schedule(this::up, config.downForMs(), TimeUnit.MILLISECONDS);
        }
    }

    /** Changes some fields of the current config, e.g. {@code update(b -> b.errorRate(0.1))}. */
    public synchronized void update(UnaryOperator<FaultConfig.Builder> change) {
        set(change.apply(current.toBuilder()).build());
    }

    /** Removes every fault (and brings the node up if it is down). */
    public void clear() {
        set(FaultConfig.none());
    }

    /** Closes the listening socket until {@link #up()}. */
    public void down() {
        update(b -> b.down(true).downForMs(0));
    }

    /** Closes the listening socket and reopens it after {@code duration}. */
    public void down(Duration duration) {
        if (duration.toMillis() < 1) {
            throw new IllegalArgumentException("down duration must be at least 1 ms, was " + duration);
        }
        update(b -> b.down(true).downForMs(duration.toMillis()));
    }

    /** Reopens the listening socket on the same port. */
    public void up() {
        update(b -> b.down(false).downForMs(0));
    }

    public synchronized boolean isDown() {
        return listenerDown;
    }
}
