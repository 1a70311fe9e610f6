package io.llmgateway.sim;

import io.llmgateway.sim.internal.cli.SimCommandLine;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Runs simulated nodes standalone until the process is killed, e.g.
 * {@code --node a100:9001:Qwen2.5-72B-Instruct --node a10:9002:Qwen2.5-7B-Instruct,bge-m3 --seed 42 --fault a10:error-rate=0.1}.
 * Prints one line per node with its base URL. See docs/simulator.md.
 */
public final class SimMain {
    private SimMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length == 0 || List.of(args).contains("--help") || List.of(args).contains("-h")) {
            System.out.println(SimCommandLine.USAGE);
            return;
        }
        List<SimNodeConfig> configs;
        try {
            configs = SimCommandLine.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println(SimCommandLine.USAGE);
            System.exit(2);
            return;
        }
        List<SimNode> nodes = SimNode.startAll(configs);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            nodes.forEach(SimNode::close);
            stopped.countDown();
        }, "sim-shutdown"));
        for (SimNode n : nodes) {
            System.out.printf("node %-16s %-10s %-40s %s  (admin: %s/admin/faults)%n", n.id(),
                    n.config().profile().name(), String.join(",", n.config().models()), n.baseUrl(), n.rootUrl());
        }
        System.out.flush();
        stopped.await();
    }
}
