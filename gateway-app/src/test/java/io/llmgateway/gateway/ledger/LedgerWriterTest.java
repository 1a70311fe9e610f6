package io.llmgateway.gateway.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.llmgateway.gateway.observe.GatewayMeters;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The writer on the embedded H2 ledger: batching, restart survival, spooling and exactly-once replay. */
class LedgerWriterTest {

    @TempDir
    Path dir;

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final GatewayMeters meters = new GatewayMeters(registry);

    @Test
    void recordsSurviveARestartOfTheEmbeddedLedger() throws Exception {
        LedgerProperties props = Records.props(dir, null, null);
        try (LedgerWriter writer = new LedgerWriter(new JdbcLedgerStore(props), props.spoolDir(), meters, props)) {
            for (int i = 0; i < 120; i++) {
                writer.offer(Records.record("app-" + (i % 3), 10, 5, "0.001"));
            }
        }
        try (LedgerWriter reopened = new LedgerWriter(new JdbcLedgerStore(props), props.spoolDir(), meters, props)) {
            List<UsageRow> rows = reopened.aggregate(allTime(List.of(UsageQuery.Dimension.APP)));
            assertThat(rows).extracting(UsageRow::requests).containsExactly(40L, 40L, 40L);
            UsageRow total = reopened.aggregate(allTime(List.of())).get(0);
            assertThat(total.requests()).isEqualTo(120);
            assertThat(total.promptTokens()).isEqualTo(1200);
            assertThat(total.completionTokens()).isEqualTo(600);
            assertThat(total.costUsd()).isEqualByComparingTo(new BigDecimal("0.12"));
        }
    }

    @Test
    void aDownDatabaseSpoolsAndTheSpoolIsReplayedExactlyOnce() throws Exception {
        LedgerProperties props = Records.props(dir, null, null);
        FlakyStore store = new FlakyStore(new JdbcLedgerStore(props));
        try (LedgerWriter writer = new LedgerWriter(store, props.spoolDir(), meters, props)) {
            List<UsageRecord> sent = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                sent.add(offer(writer, i));
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> writer.pending() == 0 && count(writer) == 30 && writer.spooled() == 0);
            double spooledBefore = counter("spooled");
            double replayedBefore = counter("replayed");
            store.down = true;
            for (int i = 30; i < 90; i++) {
                sent.add(offer(writer, i));
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> writer.pending() == 0 && writer.spooled() == 60);
            assertThat(writer.databaseUp()).isFalse();
            store.down = false;
            await().atMost(Duration.ofSeconds(30)).until(() -> writer.spooled() == 0 && count(writer) == 90);
            assertThat(counter("spooled") - spooledBefore).isEqualTo(60);
            assertThat(counter("replayed") - replayedBefore).isEqualTo(60);
            assertThat(sent).hasSize(90);
        }
    }

    @Test
    void aBatchCommittedButReportedFailedIsNotWrittenTwice() throws Exception {
        LedgerProperties props = Records.props(dir, null, null);
        FlakyStore store = new FlakyStore(new JdbcLedgerStore(props));
        try (LedgerWriter writer = new LedgerWriter(store, props.spoolDir(), meters, props)) {
            await().atMost(Duration.ofSeconds(30)).until(writer::databaseUp);
            store.loseNextCommitAnswer = true;
            for (int i = 0; i < 25; i++) {
                offer(writer, i);
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> !store.loseNextCommitAnswer && writer.spooled() == 0
                    && writer.pending() == 0 && writer.databaseUp());
            assertThat(count(writer)).isEqualTo(25);
            assertThat(counter("replayed")).isGreaterThanOrEqualTo(25);
        }
    }

    @Test
    void closingWhileTheDatabaseIsDownSpoolsEverythingForTheNextStart() throws Exception {
        LedgerProperties props = Records.props(dir, null, null);
        FlakyStore store = new FlakyStore(new JdbcLedgerStore(props));
        store.down = true;
        LedgerWriter writer = new LedgerWriter(store, props.spoolDir(), meters, props);
        for (int i = 0; i < 40; i++) {
            offer(writer, i);
        }
        writer.close();
        assertThat(new Spool(props.spoolDir()).count()).isEqualTo(40);
        try (LedgerWriter next = new LedgerWriter(new JdbcLedgerStore(props), props.spoolDir(), meters, props)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> next.spooled() == 0 && count(next) == 40);
        }
    }

    private double counter(String outcome) {
        return registry.counter("gateway.ledger.records", "outcome", outcome).count();
    }

    private static UsageRecord offer(LedgerWriter writer, int i) {
        UsageRecord r = Records.record("app", i, 1, "0.0001");
        writer.offer(r);
        return r;
    }

    private static long count(LedgerWriter writer) {
        try {
            return writer.aggregate(allTime(List.of())).get(0).requests();
        } catch (Exception e) {
            return -1;
        }
    }

    private static UsageQuery allTime(List<UsageQuery.Dimension> by) {
        return new UsageQuery(null, Instant.parse("2000-01-01T00:00:00Z"), Instant.now().plusSeconds(60), by);
    }
}
