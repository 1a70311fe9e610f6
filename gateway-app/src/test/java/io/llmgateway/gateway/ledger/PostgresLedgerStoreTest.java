package io.llmgateway.gateway.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.llmgateway.gateway.observe.GatewayMeters;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The writer against a real PostgreSQL (own schema), with the connection cut and restored by a TCP relay. */
class PostgresLedgerStoreTest {

    static final String SCHEMA = TestPostgres.uniqueSchema("ledger_store");
    static TestPostgres pg;
    static TcpProxy proxy;

    @TempDir
    Path dir;

    @BeforeAll
    static void database() throws Exception {
        pg = TestPostgres.get();
        proxy = new TcpProxy(pg.host(), pg.port());
    }

    @AfterAll
    static void cleanUp() throws Exception {
        if (proxy != null) {
            proxy.close();
        }
        if (pg != null) {
            pg.dropSchema(SCHEMA);
        }
    }

    @Test
    void cutAndRestoredConnectionLosesNothingAndDuplicatesNothing() throws Exception {
        LedgerProperties props = new LedgerProperties(true, pg.jdbcUrl(proxy.port()), pg.user(), pg.password(), SCHEMA, dir, 20,
                Duration.ofMillis(20), Duration.ofMillis(200), Duration.ofSeconds(5), Duration.ofSeconds(1));
        GatewayMeters meters = new GatewayMeters(new SimpleMeterRegistry());
        try (LedgerWriter writer = new LedgerWriter(new JdbcLedgerStore(props), props.spoolDir(), meters, props)) {
            for (int i = 0; i < 50; i++) {
                writer.offer(Records.record("pg-app", 10, 2, "0.00123"));
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> count(writer) == 50);
            proxy.cut();
            for (int i = 0; i < 50; i++) {
                writer.offer(Records.record("pg-app", 10, 2, "0.00123"));
            }
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    assertThat(new long[] {writer.pending(), writer.spooled()}).containsExactly(0, 50));
            proxy.restore();
            await().atMost(Duration.ofSeconds(60)).until(() -> writer.spooled() == 0 && count(writer) == 100);
            UsageRow total = writer.aggregate(query(List.of())).get(0);
            assertThat(total.promptTokens()).isEqualTo(1000);
            assertThat(total.costUsd()).isEqualByComparingTo("0.123");
            assertThat(writer.aggregate(query(List.of(UsageQuery.Dimension.DAY, UsageQuery.Dimension.APP))))
                    .singleElement().satisfies(r -> assertThat(r.group()).containsEntry("app", "pg-app").containsKey("day"));
        }
    }

    private static long count(LedgerWriter writer) {
        try {
            return writer.aggregate(query(List.of())).get(0).requests();
        } catch (Exception e) {
            return -1;
        }
    }

    private static UsageQuery query(List<UsageQuery.Dimension> by) {
        return new UsageQuery(null, Instant.parse("2000-01-01T00:00:00Z"), Instant.now().plusSeconds(60), by);
    }
}
