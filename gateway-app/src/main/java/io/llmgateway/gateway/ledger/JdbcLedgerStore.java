package io.llmgateway.gateway.ledger;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.ZoneOffset;
import java.util.List;
import org.flywaydb.core.Flyway;

/**
 * The ledger on JDBC: PostgreSQL when configured, else embedded H2 in a file (PostgreSQL mode), with
 * the same SQL. Schema by Flyway migrations ({@code classpath:db/ledger}). The pool is small and fails
 * fast (connect timeout) so a dead database turns into spooling, not a stuck writer.
 */
public final class JdbcLedgerStore implements LedgerStore {

    private static final String INSERT = "INSERT INTO usage_ledger (id, request_id, started_at, ended_at, app, model, "
            + "deployment, pool, zone, data_class, detectors, operation, stream, prompt_tokens, completion_tokens, usage_estimated, "
            + "cost_usd, duration_ms, ttft_ms, status, outcome, error_code, attempts) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING";

    private final HikariDataSource pool;
    private final String schema;

    public JdbcLedgerStore(LedgerProperties props) {
        this.schema = props.schemaOrNull();
        HikariConfig c = new HikariConfig();
        c.setPoolName("ledger");
        c.setJdbcUrl(props.jdbcUrl());
        if (props.username() != null && !props.username().isBlank()) {
            c.setUsername(props.username());
        }
        if (props.password() != null && !props.password().isBlank()) {
            c.setPassword(props.password());
        }
        c.setMaximumPoolSize(3);
        c.setMinimumIdle(0);
        c.setConnectionTimeout(Math.max(250, props.connectTimeout().toMillis()));
        c.setValidationTimeout(Math.max(250, Math.min(1000, props.connectTimeout().toMillis())));
        c.setInitializationFailTimeout(-1); // start even when the database is down: records are spooled
        if (!props.embedded()) {
            c.addDataSourceProperty("connectTimeout", Long.toString(Math.max(1, props.connectTimeout().toSeconds())));
            c.addDataSourceProperty("socketTimeout", "30");
        }
        if (schema != null) {
            c.setSchema(schema);
        }
        this.pool = new HikariDataSource(c);
    }

    @Override
    public void migrate() {
        var flyway = Flyway.configure().dataSource(pool).locations("classpath:db/ledger")
                .table("usage_ledger_schema_history").baselineOnMigrate(false);
        if (schema != null) {
            flyway.schemas(schema).defaultSchema(schema).createSchemas(true);
        }
        flyway.load().migrate();
    }

    @Override
    public void insert(List<UsageRecord> records) throws SQLException {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(INSERT)) {
                for (UsageRecord r : records) {
                    bind(ps, r);
                    ps.addBatch();
                }
                ps.executeBatch();
                c.commit();
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(c);
                throw e;
            }
        }
    }

    @Override
    public List<UsageRow> aggregate(UsageQuery query) throws SQLException {
        try (Connection c = pool.getConnection()) {
            return UsageAggregation.run(c, query);
        }
    }

    private static void bind(PreparedStatement ps, UsageRecord r) throws SQLException {
        int i = 1;
        ps.setString(i++, r.id());
        ps.setString(i++, r.requestId());
        ps.setObject(i++, r.startedAt().atOffset(ZoneOffset.UTC));
        ps.setObject(i++, r.endedAt().atOffset(ZoneOffset.UTC));
        ps.setString(i++, r.app());
        ps.setString(i++, r.model());
        ps.setString(i++, r.deployment());
        ps.setString(i++, r.pool());
        ps.setString(i++, r.zone());
        if (r.dataClass() == null) {
            ps.setNull(i++, Types.VARCHAR);
        } else {
            ps.setString(i++, r.dataClass());
        }
        ps.setString(i++, r.detectors() == null ? null : r.detectors().length() > 512 ? r.detectors().substring(0, 512) : r.detectors());
        ps.setString(i++, r.operation());
        ps.setBoolean(i++, r.stream());
        ps.setLong(i++, r.promptTokens());
        ps.setLong(i++, r.completionTokens());
        ps.setBoolean(i++, r.usageEstimated());
        ps.setBigDecimal(i++, r.costUsd());
        ps.setDouble(i++, r.durationMs());
        ps.setDouble(i++, r.ttftMs());
        ps.setInt(i++, r.status());
        ps.setString(i++, r.outcome());
        ps.setString(i++, r.errorCode());
        ps.setInt(i, r.attempts());
    }

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // the connection is broken; the batch will be spooled
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
