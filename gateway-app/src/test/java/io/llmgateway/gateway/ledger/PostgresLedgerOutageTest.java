package io.llmgateway.gateway.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.llmgateway.gateway.observe.SimulatedFleet;
import io.llmgateway.gateway.observe.TrafficDriver;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The ledger on a real PostgreSQL, reached through a TCP relay that the test cuts while traffic is
 * flowing ("the database dies"), then restores. Every request that reached an upstream must be in the
 * ledger exactly once afterwards: none lost while the database was away, none written twice.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PostgresLedgerOutageTest {

    static final SimulatedFleet FLEET = new SimulatedFleet();
    static final String SCHEMA = TestPostgres.uniqueSchema("ledger_outage");
    static TestPostgres pg;
    static TcpProxy proxy;

    @BeforeAll
    static void database() throws Exception {
        pg = TestPostgres.get();
        proxy = new TcpProxy(pg.host(), pg.port());
    }

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) {
        r.add("gateway.policy", FLEET::policyFile);
        r.add("gateway.ledger.url", () -> pg.jdbcUrl(proxy.port()));
        r.add("gateway.ledger.username", () -> pg.user() == null ? "" : pg.user());
        r.add("gateway.ledger.password", () -> pg.password() == null ? "" : pg.password());
        r.add("gateway.ledger.schema", () -> SCHEMA);
        r.add("gateway.ledger.retry-interval", () -> "300ms");
        r.add("gateway.ledger.connect-timeout", () -> "1s");
        r.add("gateway.ledger.batch-size", () -> "7");
    }

    @AfterAll
    static void cleanUp() throws Exception {
        FLEET.close();
        if (proxy != null) {
            proxy.close();
        }
        if (pg != null) {
            pg.dropSchema(SCHEMA);
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    LedgerWriter writer;

    @Test
    void everyRequestIsRecordedExactlyOnceAcrossADatabaseOutage() {
        TrafficDriver driver = new TrafficDriver(port);
        List<TrafficDriver.Answer> answers = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean stop = new AtomicBoolean();
        CompletableFuture<Void> traffic = CompletableFuture.allOf(
                CompletableFuture.runAsync(() -> loop(driver, answers, stop, true)),
                CompletableFuture.runAsync(() -> loop(driver, answers, stop, false)));

        await().atMost(Duration.ofSeconds(60)).until(() -> rows() >= 10);
        proxy.cut();
        int atCut = answers.size();
        await().atMost(Duration.ofSeconds(60)).until(() -> writer.spooled() >= 10 && answers.size() >= atCut + 10);
        assertThat(writer.databaseUp()).isFalse();
        proxy.restore();
        await().atMost(Duration.ofSeconds(60)).until(writer::databaseUp);
        int atRestore = answers.size();
        await().atMost(Duration.ofSeconds(60)).until(() -> answers.size() >= atRestore + 10);
        stop.set(true);
        traffic.join();

        assertThat(answers).allSatisfy(a -> assertThat(a.status()).isEqualTo(200));
        int sent = answers.size();
        await().atMost(Duration.ofSeconds(60)).until(() -> writer.spooled() == 0 && writer.pending() == 0 && rows() == sent);
        Set<String> ids = new HashSet<>();
        answers.forEach(a -> ids.add(a.requestId()));
        assertThat(ids).hasSize(sent);
        assertThat(requestIds()).isEqualTo(ids);
        assertThat(distinctRows()).isEqualTo(sent);
    }

    private static void loop(TrafficDriver driver, List<TrafficDriver.Answer> answers, AtomicBoolean stop, boolean stream) {
        while (!stop.get()) {
            answers.add(driver.chat("chat-small", stream, 3));
        }
    }

    private static long rows() {
        return count("SELECT COUNT(*) FROM " + SCHEMA + ".usage_ledger");
    }

    private static long distinctRows() {
        return count("SELECT COUNT(DISTINCT id) FROM " + SCHEMA + ".usage_ledger");
    }

    private static long count(String sql) {
        try (Connection c = pg.connect(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            return -1; // table not there yet
        }
    }

    private static Set<String> requestIds() {
        Set<String> out = new HashSet<>();
        try (Connection c = pg.connect();
             ResultSet rs = c.createStatement().executeQuery("SELECT request_id FROM " + SCHEMA + ".usage_ledger")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }
}
