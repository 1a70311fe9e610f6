package io.llmgateway.sim;

import io.llmgateway.sim.internal.engine.ApiLatencyEngine;
import io.llmgateway.sim.internal.engine.BatchingEngine;
import io.llmgateway.sim.internal.engine.GenerationEngine;
import io.llmgateway.sim.internal.engine.TimeScale;
import io.llmgateway.sim.internal.http.NodeContext;
import io.llmgateway.sim.internal.http.SimEventLoops;
import io.llmgateway.sim.internal.http.SimHttpHandler;
import io.llmgateway.sim.internal.metrics.NodeMetrics;
import io.llmgateway.sim.internal.protocol.ServedModels;
import io.netty.channel.ChannelOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.netty.Connection;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * A running simulated node: an OpenAI-compatible HTTP server (like vLLM's) on Reactor Netty, backed by a
 * performance model. Start with {@link #start(SimNodeConfig)}; stop with {@link #close()}.
 *
 * <pre>{@code
 * try (SimNode node = SimNode.start(SimNodeConfig.of("a10-1", "a10", "Qwen2.5-7B-Instruct"))) {
 *     String url = node.baseUrl();           // http://127.0.0.1:<port>/v1
 *     node.faults().update(f -> f.errorRate(0.2));
 * }
 * }</pre>
 */
public final class SimNode implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SimNode.class);
    private static final Duration BIND_TIMEOUT = Duration.ofSeconds(10);

    private final SimNodeConfig config;
    private final GenerationEngine engine;
    private final SimHttpHandler handler;
    private final FaultController faults;
    private final SimMetrics metrics;
    private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
    private volatile DisposableServer server;
    private volatile int port;
    private volatile boolean closed;

    private SimNode(SimNodeConfig config) {
        this.config = config;
        this.port = config.port();
        this.faults = new FaultController(config.id(), new FaultController.Listener() {
            @Override
            public void close() {
                closeListener();
            }

            @Override
            public void open() {
                bind();
            }
        });
        TimeScale time = new TimeScale(config.speed());
        GpuProfile profile = config.profile();
        this.engine = profile.kind() == GpuProfile.Kind.GPU
                ? new BatchingEngine(config.id(), profile.batching(), time, () -> faults.current().latencyMultiplier())
                : new ApiLatencyEngine(config.id(), profile.api(), time, () -> faults.current().latencyMultiplier());
        NodeMetrics nodeMetrics = new NodeMetrics(config.models());
        this.metrics = new SimMetrics(config.id(), nodeMetrics, engine::load);
        this.handler = new SimHttpHandler(new NodeContext(config, new ServedModels(config.models(), profile.maxModelLen()),
                engine, nodeMetrics, faults::current, faults::set));
    }

    /** Binds the node and applies {@code config.faults()}; fails fast if the port cannot be bound. */
    public static SimNode start(SimNodeConfig config) {
        SimNode node = new SimNode(config);
        try {
            node.bind();
            node.faults.set(config.faults());
        } catch (RuntimeException e) {
            node.close();
            throw new IllegalStateException("node " + config.id() + ": cannot listen on " + config.host() + ":"
                    + config.port() + ": " + e.getMessage(), e);
        }
        log.info("node {} ({}, models {}) listening on {}", config.id(), config.profile().name(), config.models(),
                node.baseUrl());
        return node;
    }

    /** Starts several nodes; if one fails, the ones already started are closed. */
    public static List<SimNode> startAll(List<SimNodeConfig> configs) {
        List<SimNode> started = new ArrayList<>();
        try {
            for (SimNodeConfig c : configs) {
                started.add(start(c));
            }
            return List.copyOf(started);
        } catch (RuntimeException e) {
            started.forEach(SimNode::close);
            throw e;
        }
    }

    public String id() {
        return config.id();
    }

    public SimNodeConfig config() {
        return config;
    }

    /** The bound port (stays the same across down/up). */
    public int port() {
        return port;
    }

    /** {@code http://host:port/v1}, the OpenAI base URL. */
    public String baseUrl() {
        return rootUrl() + "/v1";
    }

    /** {@code http://host:port}, for {@code /health}, {@code /metrics} and {@code /admin/faults}. */
    public String rootUrl() {
        String host = config.host().contains(":") ? "[" + config.host() + "]" : config.host();
        return "http://" + host + ":" + port;
    }

    public FaultController faults() {
        return faults;
    }

    public SimMetrics metrics() {
        return metrics;
    }

    /** Closes the server and its connections and stops the scheduler (running generations end with an error). */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        closeListener();
        engine.close();
        log.info("node {} closed", config.id());
    }

    private synchronized void bind() {
        if (closed || server != null) {
            return;
        }
        server = HttpServer.create()
                .host(config.host())
                .port(port)
                .runOn(SimEventLoops.get())
                .option(ChannelOption.SO_BACKLOG, 4096)
                .option(ChannelOption.SO_REUSEADDR, true)
                .doOnConnection(c -> {
                    connections.add(c);
                    c.onDispose(() -> connections.remove(c));
                })
                .handle(handler)
                .bindNow(BIND_TIMEOUT);
        port = server.port();
    }

    private synchronized void closeListener() {
        DisposableServer s = server;
        server = null;
        if (s == null) {
            return;
        }
        s.dispose();
        connections.forEach(Connection::dispose);
        s.onDispose().block(BIND_TIMEOUT);
    }
}
