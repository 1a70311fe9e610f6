package io.llmgateway.gateway.ledger;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The usage ledger ({@code gateway.ledger.*}).
 *
 * @param enabled        record usage at all
 * @param url            JDBC URL: {@code jdbc:postgresql://host:5432/db}; empty = embedded H2 file under {@code dataDir}
 * @param username       database user (PostgreSQL), or empty
 * @param password       database password, or empty (prefer the environment: {@code GATEWAY_LEDGER_PASSWORD})
 * @param schema         database schema for the ledger tables (created if missing); empty = the default schema
 * @param dataDir        directory of the embedded database and of the spool
 * @param batchSize      most records per insert batch
 * @param flushInterval  how often queued records are written
 * @param retryInterval  how often a down database is probed and the spool replayed
 * @param shutdownWait   how long a shutdown waits for the database before spooling the rest
 * @param connectTimeout how long one attempt to get a connection may take
 */
@ConfigurationProperties("gateway.ledger")
public record LedgerProperties(
        @DefaultValue("true") boolean enabled,
        String url,
        String username,
        String password,
        String schema,
        @DefaultValue("./data/ledger") Path dataDir,
        @DefaultValue("500") int batchSize,
        @DefaultValue("200ms") Duration flushInterval,
        @DefaultValue("2s") Duration retryInterval,
        @DefaultValue("5s") Duration shutdownWait,
        @DefaultValue("3s") Duration connectTimeout) {

    public LedgerProperties {
        if (batchSize < 1 || batchSize > 10_000) {
            throw new IllegalArgumentException("gateway.ledger.batch-size must be within [1, 10000], got " + batchSize);
        }
        positive("flush-interval", flushInterval);
        positive("retry-interval", retryInterval);
        positive("connect-timeout", connectTimeout);
        if (shutdownWait == null || shutdownWait.isNegative()) {
            throw new IllegalArgumentException("gateway.ledger.shutdown-wait must not be negative, got " + shutdownWait);
        }
        if (schema != null && !schema.isBlank() && !schema.matches("[A-Za-z_][A-Za-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("gateway.ledger.schema must be a plain SQL identifier, got '" + schema + "'");
        }
    }

    /** The JDBC URL to use: the configured one, or the embedded H2 file database. */
    public String jdbcUrl() {
        if (url != null && !url.isBlank()) {
            return url;
        }
        Path db = dataDir.toAbsolutePath().normalize().resolve("ledger");
        return "jdbc:h2:file:" + db + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
    }

    public boolean embedded() {
        return jdbcUrl().startsWith("jdbc:h2:");
    }

    public Path spoolDir() {
        return dataDir.resolve("spool");
    }

    public String schemaOrNull() {
        return schema == null || schema.isBlank() ? null : schema;
    }

    private static void positive(String name, Duration d) {
        if (d == null || d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException("gateway.ledger." + name + " must be positive, got " + d);
        }
    }
}
