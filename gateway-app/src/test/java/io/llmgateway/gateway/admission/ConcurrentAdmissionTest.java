package io.llmgateway.gateway.admission;

import static io.llmgateway.gateway.admission.Commands.app;
import static io.llmgateway.gateway.admission.Commands.budget;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/**
 * Many parallel clients cannot get more than the limit: every admission is all-or-nothing and atomic,
 * in memory and in Redis, and two backends (two replicas) sharing one Redis enforce one global limit.
 */
class ConcurrentAdmissionTest {

    static final int CLIENTS = 16;
    static final int EACH = 25;

    /** Fires CLIENTS x EACH admissions in parallel, alternating between the backends; returns how many got in. */
    static int hammer(List<LimitBackend> backends, LongFunction<AdmissionCommand> command) {
        AtomicInteger admitted = new AtomicInteger();
        long now = System.currentTimeMillis();
        Flux.range(0, CLIENTS * EACH)
                .parallel(CLIENTS).runOn(Schedulers.boundedElastic())
                .flatMap(i -> backends.get(i % backends.size()).acquire(command.apply(now)))
                .doOnNext(v -> {
                    if (v.admitted()) {
                        admitted.incrementAndGet();
                    }
                })
                .sequential().blockLast(Duration.ofSeconds(60));
        return admitted.get();
    }

    static void limitsHold(List<LimitBackend> backends) {
        assertThat(hammer(backends, now -> Commands.of("rpm", now, 0, app(100, 0, 0)))).as("RPM 100").isEqualTo(100);
        assertThat(hammer(backends, now -> Commands.of("tpm", now, 300, app(0, 3000, 0)))).as("TPM 3000 / 300 reserved").isEqualTo(10);
        assertThat(hammer(backends, now -> Commands.of("conc", now, 0, app(0, 0, 7)))).as("7 in flight").isEqualTo(7);
        assertThat(hammer(backends, now -> Commands.of("budget", now, 0, budget(1.0, Double.NaN, 0.125))))
                .as("USD 1.0 / 0.125 reserved").isEqualTo(8);
    }

    @Test
    void inMemory() {
        limitsHold(List.of(new LocalLimitBackend()));
    }

    @Test
    void twoReplicasSharingRedis() {
        String url = TestRedis.url();
        String prefix = TestRedis.prefix();
        List<RedisConnection> connections = new ArrayList<>();
        try {
            List<LimitBackend> replicas = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                RedisConnection c = new RedisConnection(url, Duration.ofSeconds(5));
                connections.add(c);
                replicas.add(new RedisLimitBackend(c, prefix));
            }
            limitsHold(replicas);
        } finally {
            connections.forEach(RedisConnection::close);
        }
    }
}
