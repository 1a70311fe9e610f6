package io.llmgateway.gateway.admission;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DebugProbeTest {
    @Test
    void probe() throws Exception {
        TcpProxy proxy = new TcpProxy("redis://127.0.0.1:6379");
        proxy.cut();
        RedisConnection c = new RedisConnection(proxy.url(), Duration.ofMillis(300));
        RedisLimitBackend r = new RedisLimitBackend(c, "dbg");
        FailoverLimitBackend b = new FailoverLimitBackend(r, new LocalLimitBackend(),
                new FailoverLimitBackend.FailoverSettings(2, Duration.ofMillis(300), Duration.ofMillis(100)), new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
        System.out.println("acq " + b.acquire(Commands.of("a", System.currentTimeMillis(), 0, Commands.app(10, 0, 0))).block());
        System.out.println("state " + b.name());
        proxy.restore();
        for (int i = 0; i < 10; i++) {
            Thread.sleep(300);
            System.out.println("state " + b.name());
            try { System.out.println("direct ping " + r.ping().timeout(Duration.ofMillis(300)).block()); } catch (Exception e) { System.out.println("direct err " + e); }
        }
        c.close();
    }
}
