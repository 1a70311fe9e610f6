package io.llmgateway.gateway.admission;

import static io.llmgateway.gateway.admission.Commands.app;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Redis killed mid-test (its connection cut by a proxy): admission keeps serving on this replica's
 * share of the limits, says so in the metric, and when Redis is back pushes the spend booked locally
 * and the settlements it could not deliver, then returns to the shared limits.
 */
class RedisOutageTest {

    private TcpProxy proxy;
    private RedisConnection connection;
    private FailoverLimitBackend backend;
    private SimpleMeterRegistry registry;
    private final String appId = "app-" + UUID.randomUUID().toString().substring(0, 6);

    @BeforeEach
    void start() {
        proxy = new TcpProxy(TestRedis.url());
        connection = new RedisConnection(proxy.url(), Duration.ofMillis(300));
        connection.commands().block(Duration.ofSeconds(30)); // the first connect of a cold JVM is slow
        registry = new SimpleMeterRegistry();
        backend = new FailoverLimitBackend(new RedisLimitBackend(connection, TestRedis.prefix()), new LocalLimitBackend(),
                new FailoverLimitBackend.FailoverSettings(2, Duration.ofMillis(300), Duration.ofMillis(100)), registry);
    }

    @AfterEach
    void stop() {
        proxy.close();
        connection.close();
    }

    double state(String s) {
        return registry.get("gateway.admission.backend").tag("state", s).gauge().value();
    }

    AdmissionCommand command(double cost, Scope... scopes) {
        return Commands.of(appId, System.currentTimeMillis(), 10, Commands.budget(100, Double.NaN, cost), scopes);
    }

    @Test
    void degradesToLocalSharesAndResyncsWhenRedisIsBack() {
        AdmissionCommand held = command(0.5, app(10, 0, 1));
        assertThat(backend.acquire(held).block().admitted()).isTrue();
        assertThat(state("redis")).isEqualTo(1.0);

        proxy.cut();
        backend.settle(new Settlement(held, 20, 0.5, System.currentTimeMillis())).block();
        List<AdmissionCommand> local = new ArrayList<>();
        int admitted = 0;
        for (int i = 0; i < 8; i++) {
            AdmissionCommand c = command(0.25, app(10, 0, 0));
            if (backend.acquire(c).block().admitted()) {
                admitted++;
                local.add(c);
            }
        }
        assertThat(state("local")).isEqualTo(1.0);
        assertThat(backend.name()).isEqualTo("local");
        assertThat(admitted).as("half of RPM 10 per replica while Redis is away").isEqualTo(5);
        for (AdmissionCommand c : local) {
            backend.settle(new Settlement(c, 10, 0.25, System.currentTimeMillis())).block();
        }

        proxy.restore();
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> state("redis") == 1.0);
        Verdict after = backend.acquire(command(0, app(0, 0, 1))).block();
        assertThat(after.admitted()).as("the slot of the settlement made during the outage was freed").isTrue();
        assertThat(after.spentDay()).as("0.5 booked before + 5 x 0.25 booked locally").isEqualTo(1.75);
    }

    @Test
    void startsOnLocalLimitsWhenRedisIsDownAtStartAndSwitchesWhenItComes() {
        proxy.cut();
        connection.close();
        connection = new RedisConnection(proxy.url(), Duration.ofMillis(300));
        backend = new FailoverLimitBackend(new RedisLimitBackend(connection, TestRedis.prefix()), new LocalLimitBackend(),
                new FailoverLimitBackend.FailoverSettings(2, Duration.ofMillis(300), Duration.ofMillis(100)), new SimpleMeterRegistry());
        assertThat(backend.acquire(command(0, app(10, 0, 0))).block().admitted()).isTrue();
        assertThat(backend.onRedis()).isFalse();
        proxy.restore();
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> backend.onRedis());
        assertThat(backend.acquire(command(0, app(10, 0, 0))).block().admitted()).isTrue();
    }
}
