package io.llmgateway.gateway.ledger;

import io.llmgateway.gateway.observe.GatewayMeters;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gets ledger records into the database exactly once, off the hot path. {@link #offer} only enqueues
 * (never blocks, never drops); one dedicated thread drains the queue in batches. A batch the database
 * does not take is appended to the {@link Spool} (forced to disk); while the database is down batches
 * go straight to the spool, and every retry interval the thread probes the database and replays the
 * spool. Record ids make every insert idempotent, so a batch that did commit but whose answer was
 * lost, or a replay cut short, never writes a record twice. On close: drain (bounded wait), then spool
 * the rest.
 */
public final class LedgerWriter implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LedgerWriter.class);

    private final LedgerStore store;
    private final Spool spool;
    private final GatewayMeters meters;
    private final int batchSize;
    private final long retryNanos;
    private final Duration shutdownWait;
    private final Queue<UsageRecord> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final ScheduledExecutorService thread;
    private volatile boolean databaseUp;
    private volatile boolean migrated;
    private volatile boolean spoolEmpty;
    private boolean waiting;
    private long nextProbeNanos;

    public LedgerWriter(LedgerStore store, Path spoolDir, GatewayMeters meters, LedgerProperties props) {
        this.store = store;
        this.spool = new Spool(spoolDir);
        this.meters = meters;
        this.batchSize = props.batchSize();
        this.retryNanos = props.retryInterval().toNanos();
        this.shutdownWait = props.shutdownWait();
        this.spoolEmpty = spool.isEmpty();
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ledger-writer");
            t.setDaemon(true);
            return t;
        });
        long flush = props.flushInterval().toNanos();
        thread.scheduleWithFixedDelay(this::tick, 0, flush, TimeUnit.NANOSECONDS);
        meters.registry().gauge("gateway.ledger.queue", queued);
    }

    /** Hands a record to the writer. Never blocks; safe on the event loop. */
    public void offer(UsageRecord record) {
        queue.add(record);
        queued.incrementAndGet();
    }

    /** Records not yet in the database or the spool. */
    public int pending() {
        return queued.get();
    }

    /** Usage aggregates from the database (blocking: call off the event loop). */
    public List<UsageRow> aggregate(UsageQuery query) throws java.sql.SQLException {
        return store.aggregate(query);
    }

    public boolean databaseUp() {
        return databaseUp;
    }

    /** Records waiting in the spool (reads the files: for status and tests, not the hot path). */
    public long spooled() {
        return spool.count();
    }

    private void tick() {
        try {
            if (waiting && System.nanoTime() - nextProbeNanos < 0) {
                spoolQueued();
                return;
            }
            if (!ensureSchema()) {
                spoolQueued();
                return;
            }
            if (!spoolEmpty && !replay()) {
                spoolQueued();
                return;
            }
            drain(false, 0);
        } catch (RuntimeException | Error e) {
            // never let a throwable end the scheduled task: the writer must outlive any failure
            log.error("ledger writer failed unexpectedly; records stay queued", e);
        }
    }

    /** Writes queued batches until the queue is empty (or the deadline, if bounded); false if the database failed. */
    private boolean drain(boolean bounded, long deadlineNanos) {
        List<UsageRecord> batch;
        while (!(batch = take()).isEmpty()) {
            if (!write(batch)) {
                spoolOrRequeue(batch);
                spoolQueued();
                return false;
            }
            if (bounded && System.nanoTime() - deadlineNanos > 0) {
                return true;
            }
        }
        return true;
    }

    private boolean ensureSchema() {
        if (migrated) {
            return true;
        }
        try {
            store.migrate();
            migrated = true;
            up();
            return true;
        } catch (Exception | Error e) {
            // JDBC drivers may throw errors on a broken connection (pgjdbc: AssertionError with -ea): still "down"
            down(e);
            return false;
        }
    }

    private boolean write(List<UsageRecord> batch) {
        if (!ensureSchema()) {
            return false;
        }
        try {
            store.insert(batch);
            meters.ledger("written", batch.size());
            up();
            return true;
        } catch (Exception | Error e) {
            // JDBC drivers may throw errors on a broken connection (pgjdbc: AssertionError with -ea): still "down"
            down(e);
            return false;
        }
    }

    /** Replays every spool segment; false (and the rest stays spooled) if the database fails. */
    private boolean replay() {
        try {
            for (Path segment : spool.segments()) {
                List<UsageRecord> records = Spool.read(segment);
                for (int i = 0; i < records.size(); i += batchSize) {
                    if (!write(records.subList(i, Math.min(records.size(), i + batchSize)))) {
                        return false;
                    }
                }
                Spool.delete(segment);
                meters.ledger("replayed", records.size());
                log.info("ledger: replayed {} spooled records from {}", records.size(), segment.getFileName());
            }
            spoolEmpty = true;
            return true;
        } catch (IOException e) {
            log.error("ledger: cannot read the spool in {}", e.getMessage(), e);
            return false;
        }
    }

    private void spoolQueued() {
        List<UsageRecord> batch;
        while (!(batch = take()).isEmpty()) {
            if (!spoolOrRequeue(batch)) {
                return;
            }
        }
    }

    private boolean spoolOrRequeue(List<UsageRecord> batch) {
        try {
            spool.append(batch);
            spoolEmpty = false;
            meters.ledger("spooled", batch.size());
            return true;
        } catch (IOException | RuntimeException e) {
            log.error("ledger: cannot write the spool ({}); {} records stay in memory", e.getMessage(), batch.size());
            batch.forEach(this::offer);
            return false;
        }
    }

    private List<UsageRecord> take() {
        List<UsageRecord> batch = new ArrayList<>(Math.min(batchSize, Math.max(1, queued.get())));
        UsageRecord r;
        while (batch.size() < batchSize && (r = queue.poll()) != null) {
            queued.decrementAndGet();
            batch.add(r);
        }
        return batch;
    }

    private void up() {
        if (!databaseUp) {
            log.info("ledger: database reachable");
        }
        databaseUp = true;
        waiting = false;
    }

    private void down(Throwable e) {
        if (!waiting) {
            log.warn("ledger: database unavailable ({}); spooling records to disk until it is back", e.toString());
        }
        databaseUp = false;
        waiting = true;
        nextProbeNanos = System.nanoTime() + retryNanos;
    }

    /** Stops the thread, writes what is queued within the shutdown wait, spools the rest. */
    @Override
    public void close() {
        thread.shutdown();
        try {
            if (!thread.awaitTermination(shutdownWait.toMillis() + 1000, TimeUnit.MILLISECONDS)) {
                thread.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!waiting) {
            drain(true, System.nanoTime() + shutdownWait.toNanos());
        }
        spoolQueued();
        store.close();
    }
}
