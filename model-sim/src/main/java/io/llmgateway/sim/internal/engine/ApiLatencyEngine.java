package io.llmgateway.sim.internal.engine;

import io.llmgateway.sim.GpuProfile.ApiBehaviour;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;

/**
 * A closed model API: no batching limit, every request gets its own sampled TTFT (lognormal) and TPOT
 * (uniform). One thread keeps all in-flight requests in a queue ordered by their next token's due time.
 */
public final class ApiLatencyEngine implements GenerationEngine {
    private static final Logger log = LoggerFactory.getLogger(ApiLatencyEngine.class);

    private final String node;
    private final ApiBehaviour cfg;
    private final TimeScale time;
    private final DoubleSupplier latencyMultiplier;
    private final LinkedBlockingQueue<Generation> incoming = new LinkedBlockingQueue<>();
    private final PriorityQueue<Generation> byDue = new PriorityQueue<>(Comparator.comparingLong(g -> g.nextDueNanos));
    private final Thread thread;
    private volatile boolean closed;
    private final Map<String, Integer> inFlight = new HashMap<>();
    private volatile EngineLoad load = EngineLoad.IDLE;
    private long lastPublish;

    public ApiLatencyEngine(String node, ApiBehaviour cfg, TimeScale time, DoubleSupplier latencyMultiplier) {
        this.node = node;
        this.cfg = cfg;
        this.time = time;
        this.latencyMultiplier = latencyMultiplier;
        this.thread = new Thread(this::run, "sim-" + node + "-api-clock");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    @Override
    public Flux<Integer> submit(EngineRequest request) {
        return Flux.defer(() -> {
            if (closed) {
                return Flux.error(new EngineClosedException(node));
            }
            Generation g = new Generation(request);
            incoming.add(g);
            return g.flux();
        });
    }

    @Override
    public EngineLoad load() {
        return load;
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        try {
            while (!closed) {
                Generation head = byDue.peek();
                long wait = head == null ? TimeUnit.SECONDS.toNanos(1) : head.nextDueNanos - System.nanoTime();
                Generation arrived = wait > 0 ? incoming.poll(wait, TimeUnit.NANOSECONDS) : incoming.poll();
                if (arrived != null) {
                    schedule(arrived);
                    List<Generation> more = new ArrayList<>();
                    incoming.drainTo(more);
                    more.forEach(this::schedule);
                } else if (head != null && head.nextDueNanos <= System.nanoTime()) {
                    advance(byDue.poll());
                }
                publishLoad();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            log.error("node {}: api clock crashed", node, e);
        } finally {
            EngineClosedException error = new EngineClosedException(node);
            incoming.drainTo(byDue);
            byDue.forEach(g -> g.fail(error));
            byDue.clear();
            load = EngineLoad.IDLE;
        }
    }

    private void schedule(Generation g) {
        SplittableRandom rnd = new SplittableRandom(g.request.seed());
        double multiplier = latencyMultiplier.getAsDouble();
        double ttftMs = cfg.ttftMedianMs() * Math.exp(cfg.ttftSigma() * rnd.nextGaussian());
        double tpotMs = cfg.tpotMinMs() + (cfg.tpotMaxMs() - cfg.tpotMinMs()) * rnd.nextDouble();
        g.prefillRemaining = 0;
        g.nextDueNanos = System.nanoTime() + time.wallNanos(ttftMs * multiplier);
        g.tpotNanos = time.wallNanos(tpotMs * multiplier);
        byDue.add(g);
        inFlight.merge(g.request.model(), 1, Integer::sum);
    }

    private void advance(Generation g) {
        if (!g.cancelled() && g.stepsEmitted < g.request.steps()) {
            g.emitStep();
        }
        if (g.cancelled() || g.finished()) {
            if (!g.cancelled()) {
                g.complete();
            }
            inFlight.merge(g.request.model(), -1, (a, b) -> a + b == 0 ? null : a + b);
        } else {
            g.nextDueNanos += g.tpotNanos;
            byDue.add(g);
        }
    }

    /** Publishes at most every millisecond: with thousands of streams this loop runs per token. */
    private void publishLoad() {
        long now = System.nanoTime();
        if (now - lastPublish > 1_000_000 || byDue.isEmpty()) {
            lastPublish = now;
            load = new EngineLoad(inFlight, Map.of(), 0.0);
        }
    }
}
