package io.llmgateway.bench.load;

import java.util.ArrayList;
import java.util.List;

/**
 * Calibrates the machine, not the gateway: how much slower the same small piece of work runs on a thread
 * that has just woken from a short sleep than on a thread that runs continuously. On a virtual machine
 * whose idle vCPUs are descheduled or clocked down (and whose caches another process has refilled), the
 * work a proxy does for one request at a low request rate costs several times what it costs under load;
 * the benchmark's added-latency figures at a moderate rate include that factor for every target.
 * Prints one line per workload: hot and after-sleep time per run, and the ratio.
 *
 * <pre>java -cp bench/target/benchmarks.jar io.llmgateway.bench.load.IdleWakeProbe [sleepMillis]</pre>
 */
public final class IdleWakeProbe {

    private static long sink;

    private IdleWakeProbe() {
    }

    public static void main(String[] args) throws InterruptedException {
        long sleep = args.length > 0 ? Long.parseLong(args[0]) : 70;
        report("compute (20k-step hash loop)", IdleWakeProbe::compute, sleep);
        report("allocate (2,000 small arrays)", IdleWakeProbe::allocate, sleep);
    }

    private static void report(String name, Runnable work, long sleepMillis) throws InterruptedException {
        for (int i = 0; i < 20_000; i++) {
            work.run(); // JIT warm-up
        }
        int runs = 50;
        long hot = 0;
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            work.run();
            hot += System.nanoTime() - t;
        }
        long cold = 0;
        for (int i = 0; i < runs; i++) {
            Thread.sleep(sleepMillis);
            long t = System.nanoTime();
            work.run();
            cold += System.nanoTime() - t;
        }
        double hotUs = hot / 1e3 / runs;
        double coldUs = cold / 1e3 / runs;
        System.out.printf("idle-wake probe: %-30s hot %8.1f us, after %d ms asleep %8.1f us, ratio %.1fx%n",
                name, hotUs, sleepMillis, coldUs, coldUs / hotUs);
    }

    private static void compute() {
        long h = 0;
        for (int i = 0; i < 20_000; i++) {
            h = h * 31 + (i ^ (h >>> 7));
        }
        sink += h;
    }

    private static void allocate() {
        List<int[]> list = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            list.add(new int[8]);
        }
        sink += list.size();
    }
}
