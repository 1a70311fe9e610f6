package io.llmgateway.sim.internal.http;

import reactor.netty.resources.LoopResources;

/** Event loops shared by all simulated nodes of the JVM, separate from the embedding application's loops. */
public final class SimEventLoops {
    private static final class Holder {
        static final LoopResources LOOPS = LoopResources.create("sim-http", 1,
                Math.max(2, Runtime.getRuntime().availableProcessors()), true);
    }

    private SimEventLoops() {
    }

    public static LoopResources get() {
        return Holder.LOOPS;
    }
}
