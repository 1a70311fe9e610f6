package io.llmgateway.gateway.ledger;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** Ledger records and settings for tests. */
final class Records {

    private Records() {
    }

    static UsageRecord record(String app, long prompt, long completion, String cost) {
        Instant start = Instant.now();
        return new UsageRecord(UUID.randomUUID().toString(), "req_" + UUID.randomUUID(), start, start.plusMillis(120),
                app, "chat-small", "qwen7-a10", "a10", "private", "internal", "email:1", "chat", false,
                prompt, completion, false, new BigDecimal(cost), 120.5, 40.25, 200, "served", null, 1);
    }

    /** Settings with an embedded H2 under dir (or the given URL), fast intervals for tests. */
    static LedgerProperties props(Path dir, String url, String schema) {
        return new LedgerProperties(true, url, null, null, schema, dir, 50, Duration.ofMillis(20), Duration.ofMillis(200),
                Duration.ofSeconds(5), Duration.ofSeconds(10));
    }
}
