package io.llmgateway.sim.internal.engine;

import io.llmgateway.sim.GpuProfile.Batching;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;

/**
 * A vLLM-like continuous-batching scheduler on one thread. Each step it admits waiting requests (FIFO) while
 * batch slots ({@code max_num_seqs}) and KV cache allow, spends the step's token budget on one decode token
 * per running sequence and then on prefill chunks, sleeps for the modelled step time and emits the step's
 * tokens. A request's first token appears at the end of the step that finishes its prefill.
 */
public final class BatchingEngine implements GenerationEngine {
    private static final Logger log = LoggerFactory.getLogger(BatchingEngine.class);
    private static final long CATCH_UP_NANOS = 5_000_000;

    private final String node;
    private final Batching cfg;
    private final TimeScale time;
    private final DoubleSupplier latencyMultiplier;
    private final LinkedBlockingQueue<Generation> incoming = new LinkedBlockingQueue<>();
    private final ArrayDeque<Generation> waiting = new ArrayDeque<>();
    private final List<Generation> running = new ArrayList<>();
    private final Thread thread;
    private volatile boolean closed;
    private volatile EngineLoad load = EngineLoad.IDLE;
    private long kvReserved;
    private int runningSeqs;
    private long lastDeadline;
    private long lastStepNanos;
    private boolean busy;

    public BatchingEngine(String node, Batching cfg, TimeScale time, DoubleSupplier latencyMultiplier) {
        this.node = node;
        this.cfg = cfg;
        this.time = time;
        this.latencyMultiplier = latencyMultiplier;
        this.thread = new Thread(this::run, "sim-" + node + "-scheduler");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    @Override
    public void checkCapacity(EngineRequest request) {
        if (request.kvReservation() > cfg.kvCacheTokens() || request.sequences() > cfg.maxNumSeqs()) {
            throw new IllegalArgumentException("The request needs " + request.kvReservation()
                    + " KV-cache tokens and " + request.sequences() + " sequences; the node holds "
                    + cfg.kvCacheTokens() + " tokens and " + cfg.maxNumSeqs() + " sequences.");
        }
    }

    @Override
    public Flux<Integer> submit(EngineRequest request) {
        try {
            checkCapacity(request);
        } catch (IllegalArgumentException e) {
            return Flux.error(e);
        }
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
                if (running.isEmpty() && waiting.isEmpty()) {
                    busy = false;
                    Generation g = incoming.poll(1, TimeUnit.SECONDS);
                    if (g != null) {
                        waiting.add(g);
                    }
                }
                incoming.drainTo(waiting);
                purgeCancelled();
                admit();
                if (!running.isEmpty()) {
                    step();
                }
                publishLoad();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            log.error("node {}: scheduler crashed", node, e);
        } finally {
            failAll();
        }
    }

    private void admit() {
        while (!waiting.isEmpty()) {
            Generation head = waiting.peek();
            EngineRequest r = head.request;
            if (runningSeqs + r.sequences() > cfg.maxNumSeqs() || kvReserved + r.kvReservation() > cfg.kvCacheTokens()) {
                return;
            }
            waiting.poll();
            running.add(head);
            runningSeqs += r.sequences();
            kvReserved += r.kvReservation();
        }
    }

    private void step() {
        long now = System.nanoTime();
        // Back-to-back steps start at the previous deadline, so the time spent handing out tokens (or a late
        // wake-up on a busy CPU) overlaps the next step instead of stretching every step. After an idle pause,
        // or when more than a step behind, the clock restarts from now.
        long start = busy && now - lastDeadline < Math.max(CATCH_UP_NANOS, lastStepNanos) ? lastDeadline : now;
        busy = true;
        List<Generation> decoding = new ArrayList<>();
        int decodeSeqs = 0;
        for (Generation g : running) {
            if (g.prefillRemaining == 0) {
                decoding.add(g);
                decodeSeqs += g.request.activeChoicesAt(g.stepsEmitted);
            }
        }
        int budget = cfg.maxNumBatchedTokens() - decodeSeqs;
        int prefillTokens = 0;
        List<Generation> prefilled = new ArrayList<>();
        for (Generation g : running) {
            if (budget <= 0) {
                break;
            }
            if (g.prefillRemaining > 0) {
                int chunk = Math.min(g.prefillRemaining, budget);
                g.prefillRemaining -= chunk;
                g.kvUsed += chunk;
                budget -= chunk;
                prefillTokens += chunk;
                if (g.prefillRemaining == 0) {
                    prefilled.add(g);
                }
            }
        }
        double stepMs = cfg.decodeBaseMs() + cfg.decodePerSeqMs() * decodeSeqs
                + cfg.prefillMsPer1kTokens() * prefillTokens / 1000.0;
        lastStepNanos = time.wallNanos(stepMs * latencyMultiplier.getAsDouble());
        lastDeadline = start + lastStepNanos;
        TimeScale.sleepUntil(lastDeadline);
        if (Thread.currentThread().isInterrupted()) {
            return;
        }
        emit(decoding);
        emit(prefilled);
        running.removeIf(this::retireIfDone);
    }

    private void emit(List<Generation> gens) {
        for (Generation g : gens) {
            if (!g.cancelled() && g.stepsEmitted < g.request.steps()) {
                g.emitStep();
            }
        }
    }

    private boolean retireIfDone(Generation g) {
        if (g.cancelled() || g.finished()) {
            if (!g.cancelled()) {
                g.complete();
            }
            runningSeqs -= g.request.sequences();
            kvReserved -= g.request.kvReservation();
            return true;
        }
        return false;
    }

    private void purgeCancelled() {
        running.removeIf(g -> g.cancelled() && retireIfDone(g));
        waiting.removeIf(Generation::cancelled);
    }

    private void publishLoad() {
        Map<String, Integer> run = new HashMap<>();
        Map<String, Integer> wait = new HashMap<>();
        long kvUsed = 0;
        for (Generation g : running) {
            run.merge(g.request.model(), 1, Integer::sum);
            kvUsed += g.kvUsed;
        }
        for (Generation g : waiting) {
            wait.merge(g.request.model(), 1, Integer::sum);
        }
        load = new EngineLoad(run, wait, Math.min(1.0, (double) kvUsed / cfg.kvCacheTokens()));
    }

    private void failAll() {
        EngineClosedException error = new EngineClosedException(node);
        incoming.drainTo(waiting);
        for (Iterator<Generation> it = running.iterator(); it.hasNext(); it.remove()) {
            it.next().fail(error);
        }
        waiting.forEach(g -> g.fail(error));
        waiting.clear();
        load = EngineLoad.IDLE;
    }
}
